using Microsoft.AspNetCore.Diagnostics;
using Serilog.Context;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-ID</c> if it is sensible), returns it in the
/// response and puts it on every log line of the request, the request line that Serilog.AspNetCore writes included
/// (<see cref="RouteOf"/> names the route in that line).
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-ID";
    private const string ItemKey = "CorrelationId";

    public static string? Get(HttpContext context) => context?.Items[ItemKey] as string;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request.Headers[HeaderName].ToString();
        if (!IsSensible(id))
        {
            id = Guid.NewGuid().ToString("N");
        }

        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });

        // Serilog's own events (the request line) read the log context; Microsoft.Extensions.Logging's read the scope.
        using var property = LogContext.PushProperty(ItemKey, id);
        using var scope = logger.BeginScope(new Dictionary<string, object> { [ItemKey] = id });
        await next(context);
    }

    /// <summary>
    /// The route template of the endpoint the request reached, never its path or query string, so that no personal
    /// data reaches the logs. After an exception, or a status code shown by the error page, the request has been sent
    /// on to the error handling with no endpoint (or the error page's), so the one that failed is taken from what the
    /// error handling kept.
    /// </summary>
    public static string RouteOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.Features.Get<IExceptionHandlerFeature>()?.Endpoint
            ?? context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint
            ?? context.GetEndpoint();
        return endpoint is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(static or unmatched)";
    }

    private static bool IsSensible(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
