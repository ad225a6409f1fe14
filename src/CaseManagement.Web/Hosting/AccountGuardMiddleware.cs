using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Before a signed-in user reaches anything else: a temporary password must be replaced, and a role that requires
/// two-factor sign-in must have used it. Pages are sent to the page that fixes it; the API, whose user here is the
/// bearer token's (see <see cref="HostSetup"/>), answers 403 with a problem naming that page.
/// </summary>
public sealed class AccountGuardMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string TwoFactorMethod = "mfa";

    public const string ChangePasswordPage = "/account/change-password";
    public const string TwoFactorPage = "/account/two-factor";

    private static readonly string[] AlwaysAllowed = ["/account/change-password", "/account/two-factor", "/sign-out", "/sign-in", "/error", "/language", "/health", "/session", "/lib", "/assets", "/css", "/js"];

    public static bool RequiresTwoFactor(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireTwoFactorForRoles.Any(user.IsInRole);

    public static bool SignedInWithTwoFactor(ClaimsPrincipal user) =>
        user.HasClaim("amr", TwoFactorMethod);

    /// <summary>The account was given a temporary password and has not chosen its own yet (partner systems never are: see the claims factory).</summary>
    public static bool MustChangePassword(ClaimsPrincipal user) =>
        user.HasClaim(TeamClaimsPrincipalFactory.MustChangePasswordClaim, "true");

    public Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || AlwaysAllowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        string? fix = null;
        // A person the council's identity provider signed in does not use the app's password (docs/decisions/0045).
        if (MustChangePassword(user) && !user.HasClaim(ClaimTypes.AuthenticationMethod, CouncilSignInOptions.Scheme))
        {
            fix = ChangePasswordPage;
        }
        else if (RequiresTwoFactor(user, options.Value) && !SignedInWithTwoFactor(user))
        {
            fix = TwoFactorPage;
        }

        if (fix is null)
        {
            return next(context);
        }

        if (HostSetup.IsApiRequest(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ApiProblem(fix, text),
            }).AsTask();
        }

        context.Response.Redirect(fix);
        return Task.CompletedTask;
    }

    /// <summary>What the API answers a caller who must first fix their account on the website, and where.</summary>
    public static ProblemDetails ApiProblem(string fix, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var password = fix == ChangePasswordPage;
        return new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Type = password ? "https://casemanagement.example/problems/password-change-required" : "https://casemanagement.example/problems/two-factor-required",
            Title = password ? text["Api.ChangePasswordFirst"] : text["Api.TwoFactorFirst"],
            Detail = password ? text["Api.ChangePasswordFirstDetail", fix] : text["Api.TwoFactorFirstDetail", fix],
        };
    }
}
