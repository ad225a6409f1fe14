namespace CaseManagement.Web.Hosting;

/// <summary>
/// Security headers on every response: a Content-Security-Policy that allows no inline script or style and no
/// other origin, no framing, no MIME sniffing, no referrer beyond this site, and no browser features the service does
/// not use. HSTS is added in Production by UseHsts.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Swagger UI sets inline styles; its page holds no personal data, so only there are they allowed.</summary>
    public const string SwaggerContentSecurityPolicy = ContentSecurityPolicy + "; style-src 'self' 'unsafe-inline'";

    /// <summary>
    /// The Hangfire Dashboard (administrators only) writes style attributes in its pages; its scripts are its own files.
    /// Only under its path are inline styles allowed, and still no inline script, no other origin and no framing. The
    /// jobs it shows carry a job's name and a person's id, nothing about a child.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The path as it arrived: the dashboard's branch moves its prefix into PathBase before the response starts.
        var path = context.Request.Path;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
                ? SwaggerContentSecurityPolicy.Replace("style-src 'self'; ", string.Empty, StringComparison.Ordinal)
                : path.StartsWithSegments(Infrastructure.Jobs.BackgroundJobs.DashboardPath, StringComparison.OrdinalIgnoreCase)
                    ? DashboardContentSecurityPolicy
                    : ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.User.Identity?.IsAuthenticated == true)
            {
                // Pages about children must not linger in shared browser caches.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
