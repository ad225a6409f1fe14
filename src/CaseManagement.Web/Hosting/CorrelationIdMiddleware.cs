using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-ID</c> if it is sensible), returns it in the
/// response, puts it on every log line, and logs one line per request: method, route template, status and time.
/// The route template is logged instead of the path, and the query string never, so no personal data reaches the logs.
/// </summary>
public sealed partial class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
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

        using var scope = logger.BeginScope(new Dictionary<string, object> { [ItemKey] = id });
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = ReachedEndpoint(context) is RouteEndpoint endpoint ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/') : "(static or unmatched)";
            LogRequest(logger, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// The endpoint the request reached. After an exception, or a status code shown by the error page, the request has
    /// been sent on to the error handling with no endpoint (or the error page's), so the one that failed is taken from
    /// what the error handling kept.
    /// </summary>
    private static Endpoint? ReachedEndpoint(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>()?.Endpoint
        ?? context.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint
        ?? context.GetEndpoint();

    private static bool IsSensible(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int statusCode, double elapsedMs);
}
