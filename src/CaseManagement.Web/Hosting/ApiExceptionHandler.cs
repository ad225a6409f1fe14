using System.Globalization;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Common;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Turns every exception of an API request into an RFC 9457 problem document; pages get the error page. It is the one
/// place that logs an unhandled exception of a request, API or page, once, with the request's correlation id and route
/// (docs/decisions/0033-one-of-each.md): the exception handling middleware's own line is switched off
/// (<see cref="HostSetup"/>), and nothing in the mediator's pipeline logs it again.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has already pointed the request at the error page; the feature keeps the path that failed.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!HostSetup.IsApiPath(path))
        {
            if (DatabaseOverload.IsOverload(exception))
            {
                // Too busy, as the API answers it: the error page drawn next is the busy page, 503 (decision 0074).
                LogOverload(logger, CorrelationIdMiddleware.RouteOf(httpContext));
                httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return false;
            }

            // A page shows the error page for any exception it lets through: each is a fault to look into.
            LogUnhandled(logger, exception, CorrelationIdMiddleware.RouteOf(httpContext));
            return false;
        }

        ProblemDetails problem = exception switch
        {
            ValidationException validation => new ValidationProblemDetails(
                validation.Errors
                    .GroupBy(e => JsonName(e.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has errors.",
            },
            UnauthorizedAccessException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Sign in to do this." },
            ForbiddenAccessException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Your role does not allow this.", Detail = forbidden.Message },
            BreakGlassRequiredException breakGlass => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Type = "https://casemanagement.example/problems/break-glass-required",
                Title = "This record belongs to another team.",
                Detail = $"Open it in an emergency with POST /api/v1/referrals/{breakGlass.ReferralId}/break-glass and a reason; the team manager will see it.",
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = notFound.Message },
            DomainRuleException rule => new ProblemDetails { Status = StatusCodes.Status422UnprocessableEntity, Title = "The request breaks a rule.", Detail = rule.Message },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." },
            _ when DatabaseOverload.IsOverload(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy. Try again in a moment.",
                Detail = "Send the request again after the seconds in the Retry-After header; sent with the same Idempotency-Key, it is not made twice.",
            },
            // Another save took the same unique value at the same moment (a referral reference drawn twice): nothing was
            // kept, and sending again draws a new one (decision 0095).
            _ when DatabaseConflict.IsUniqueViolation(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The request clashed with another saved at the same moment.",
                Detail = "Nothing of it was saved. Send it again.",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on our side.", Detail = "The error has been logged; quote the correlation id if you report it." },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, CorrelationIdMiddleware.RouteOf(httpContext));
        }

        if (problem.Status == StatusCodes.Status409Conflict && DatabaseConflict.IsUniqueViolation(exception))
        {
            // A clash is answered, not hidden: a real fault that shows as one would repeat here (route only, no values).
            LogUniqueClash(logger, exception.GetType().Name, CorrelationIdMiddleware.RouteOf(httpContext));
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Too much at once is not a fault to look into one request at a time, but it must show in the logs.
            LogOverload(logger, CorrelationIdMiddleware.RouteOf(httpContext));
            httpContext.Response.Headers.RetryAfter = DatabaseOverload.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // Each part of a nested field's name as the JSON spells it: "Evidence.Email" is the body's "evidence.email".
    private static string JsonName(string propertyName) =>
        string.Join('.', (propertyName ?? string.Empty).Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    // The route template only, never the path with its ids or the query string (no personal data in logs).
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in a request to {Route}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was too busy for a request to {Route}: answered 503")]
    private static partial void LogOverload(ILogger logger, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A save in a request to {Route} clashed on a unique value ({ExceptionType}); answered 409")]
    private static partial void LogUniqueClash(ILogger logger, string exceptionType, string route);
}
