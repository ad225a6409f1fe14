using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// The <c>ForwardedHeaders</c> section: the reverse proxies that end TLS in front of the app, by address or network
/// (CIDR). Their <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed; anyone else's are ignored. A proxy
/// on the same machine (loopback) is believed without being named. See docs/decisions/0025-tls-ended-at-a-proxy.md.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    public IReadOnlyList<string> KnownNetworks { get; set; } = [];
}

/// <summary>How the app learns that a request reached the proxy over HTTPS, and what it does when one did not.</summary>
public static partial class TlsAtProxy
{
    public static IServiceCollection AddTlsAtProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();

        // Read now, so that a mistyped address stops the start with its name rather than at the first request.
        var proxies = settings.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address
            : throw new InvalidOperationException($"{ForwardedHeadersSettings.SectionName}:{nameof(ForwardedHeadersSettings.KnownProxies)} has '{p}', which is not an IP address.")).ToList();
        var networks = settings.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network
            : throw new InvalidOperationException($"{ForwardedHeadersSettings.SectionName}:{nameof(ForwardedHeadersSettings.KnownNetworks)} has '{n}', which is not a network such as 172.16.0.0/12.")).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>In Production, refuses what did not arrive over HTTPS, unless <see cref="SecurityOptions.AllowPlainHttp"/> says otherwise.</summary>
    public static WebApplication UseHttpsRequirement(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsProduction())
        {
            return app;
        }

        if (app.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.AllowPlainHttp == true)
        {
            LogPlainHttpAllowed(app.Logger);
            return app;
        }

        app.UseMiddleware<HttpsRequiredMiddleware>();
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security:AllowPlainHttp is on in Production: sign-in cookies may travel unencrypted. Use it for a local demo only; put a proxy that ends TLS in front of any other deployment.")]
    private static partial void LogPlainHttpAllowed(ILogger logger);
}

/// <summary>
/// Sign-in and antiforgery cookies are marked Secure when the request came over HTTPS (directly, or to a known proxy
/// that said so); in Production a request that did not is refused with 421 and a page (or problem document) saying
/// to use the https:// address, instead of failing on the first cookie or handing out one that travels in clear.
/// The health checks answer anyway: the container's own check calls them over plain HTTP, and they hold no data.
/// </summary>
public sealed class HttpsRequiredMiddleware(RequestDelegate next)
{
    public const string Title = "This service answers only over HTTPS. Use the https:// address.";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var showingAnError = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
        if (context.Request.IsHttps || showingAnError || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        if (HostSetup.IsApiRequest(context))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status421MisdirectedRequest, Title = Title },
            });
        }

        // A page gets the styled page from the status-code pages (/error/421).
    }
}
