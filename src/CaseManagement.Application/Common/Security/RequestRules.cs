using System.Reflection;

namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Whether a user may send a request, by the request's own <see cref="AuthorizeAttribute"/>: the rule the
/// authorisation behaviour enforces, for a page that offers an action (a button, a link) only to those it would let
/// through, without naming roles itself.
/// </summary>
public static class RequestRules
{
    public static bool MaySend<TRequest>(this ICurrentUser user) => user.MaySend(typeof(TRequest));

    public static bool MaySend(this ICurrentUser user, Type requestType)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(requestType);
        if (requestType.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return true;
        }

        return requestType.GetCustomAttribute<AuthorizeAttribute>() is { } rule && user.IsAuthenticated && (rule.Roles.Count == 0 || rule.Roles.Any(user.IsInRole));
    }
}
