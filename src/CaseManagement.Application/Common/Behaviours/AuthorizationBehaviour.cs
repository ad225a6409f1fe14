using System.Reflection;

namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Refuses a request whose sender is not signed in (401) or lacks every role the request names (403), before any
/// validation or data access. A request with neither attribute is refused: rules must be stated, not assumed.
/// </summary>
public sealed class AuthorizationBehaviour<TRequest, TResponse>(ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var type = typeof(TRequest);
        if (type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return next();
        }

        var rule = type.GetCustomAttribute<AuthorizeAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} says neither who may send it ([Authorize]) nor that anyone may ([AllowAnonymous]).");
        if (!user.IsAuthenticated)
        {
            throw new UnauthorizedAccessException("Sign in to do this.");
        }

        if (rule.Roles.Count > 0 && !rule.Roles.Any(user.IsInRole))
        {
            throw new ForbiddenAccessException();
        }

        return next();
    }
}
