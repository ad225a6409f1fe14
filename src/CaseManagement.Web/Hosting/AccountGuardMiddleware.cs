using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Before a signed-in user reaches anything else: a temporary password must be replaced, and a role that requires
/// two-factor sign-in must have used it. Pages are sent to the page that fixes it; the API answers 403.
/// </summary>
public sealed class AccountGuardMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string TwoFactorMethod = "mfa";

    private static readonly string[] AlwaysAllowed = ["/account/change-password", "/account/two-factor", "/sign-out", "/sign-in", "/error", "/language", "/health", "/session", "/lib", "/assets", "/css", "/js"];

    public static bool RequiresTwoFactor(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForRoles.Any(user.IsInRole);

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) =>
        user.HasClaim("amr", TwoFactorMethod);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        string? fix = null;
        if (user.HasClaim(TeamClaimsPrincipalFactory.MustChangePasswordClaim, "true"))
        {
            fix = "/account/change-password";
        }
        else if (RequiresTwoFactor(user, options.Value) && !SignedInWithTwoFactor(user))
        {
            fix = "/account/two-factor";
        }

        if (fix is null)
        {
            return next(context);
        }

        if (HostSetup.IsApiRequest(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(fix);
        return Task.CompletedTask;
    }
}
