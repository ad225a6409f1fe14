using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>Logs a failure the caller did not cause, with the request's name only, and lets it travel on.</summary>
public sealed partial class UnhandledExceptionBehaviour<TRequest, TResponse>(ILogger<UnhandledExceptionBehaviour<TRequest, TResponse>> logger) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next();
        }
        catch (Exception ex) when (ex is not (ValidationException or NotFoundException or DomainRuleException or OperationCanceledException or UnauthorizedAccessException or ForbiddenAccessException or BreakGlassRequiredException))
        {
            LogFailed(logger, ex, typeof(TRequest).Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {RequestName} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string requestName);
}
