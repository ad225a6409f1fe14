using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Api;

/// <summary>
/// Bearer tokens for people using the API (with two-factor where their role needs it). Partner systems get theirs from
/// the token server at /connect/token as OAuth clients (docs/decisions/0044); their accounts' passwords are refused here.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/auth")]
[EnableRateLimiting(HostSetup.TokenRateLimit)]
public sealed class AuthController(SignInManager<ApplicationUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<SecurityOptions> security, TimeProvider clock, IStringLocalizer<SharedResource> text) : ControllerBase
{
    /// <summary>Exchanges an email address, password and (where required) an authenticator code for an access and a refresh token.</summary>
    [HttpPost("token")]
    [ProducesResponseType<AccessTokenResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Token(TokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await signIn.UserManager.FindByEmailAsync(request.Email ?? string.Empty);
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Refused();
        }

        var password = await signIn.CheckPasswordSignInAsync(user, request.Password ?? string.Empty, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            return Refused();
        }

        // A partner system gets its tokens as an OAuth client now (docs/decisions/0044): its old password opens nothing.
        if (await signIn.UserManager.IsInRoleAsync(user, Application.Common.Security.Roles.PartnerSystem))
        {
            return UseClientCredentials();
        }

        // The rule that holds a temporary password's page sign-in back, read from the sign-in it would be.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        if (AccountGuardMiddleware.MustChangePassword(principal))
        {
            return Forbidden(AccountGuardMiddleware.ChangePasswordPage);
        }

        var roles = await signIn.UserManager.GetRolesAsync(user);
        var needsTwoFactor = user.TwoFactorEnabled || security.Value.RequireTwoFactorForRoles.Any(roles.Contains);
        if (needsTwoFactor)
        {
            if (!user.TwoFactorEnabled)
            {
                return Forbidden(AccountGuardMiddleware.TwoFactorPage);
            }

            // As the sign-in page's second step: a wrong (or already used) code counts toward lock-out, a right one
            // clears the count. The password alone never clears it where a code is asked for.
            var code = (request.TwoFactorCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (!await signIn.UserManager.VerifyTwoFactorTokenAsync(user, signIn.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await signIn.UserManager.AccessFailedAsync(user);
                return Refused();
            }

            await signIn.UserManager.ResetAccessFailedCountAsync(user);
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim("amr", AccountGuardMiddleware.TwoFactorMethod));
        }

        return SignIn(principal, IdentityConstants.BearerScheme);
    }

    /// <summary>Exchanges a refresh token for new tokens, unless the account was disabled or signed out everywhere since.</summary>
    [HttpPost("refresh")]
    [ProducesResponseType<AccessTokenResponse>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Refresh(RefreshRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Refused();
        }

        if (await signIn.UserManager.IsInRoleAsync(user, Application.Common.Security.Roles.PartnerSystem))
        {
            return UseClientCredentials();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        foreach (var amr in ticket.Principal.FindAll("amr"))
        {
            ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(new System.Security.Claims.Claim("amr", amr.Value));
        }

        return SignIn(principal, IdentityConstants.BearerScheme);
    }

    private ObjectResult Forbidden(string fix)
    {
        var problem = AccountGuardMiddleware.ApiProblem(fix, text);
        return Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail, type: problem.Type);
    }

    private ObjectResult UseClientCredentials() =>
        Problem(statusCode: StatusCodes.Status403Forbidden, title: text["Api.UseClientCredentials"], detail: text["Api.UseClientCredentialsDetail"], type: "https://casemanagement.example/problems/use-client-credentials");

    private ObjectResult Refused() =>
        Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address, password or code is not right, or the account is locked.");
}

/// <summary>What a client sends for a token; <c>twoFactorCode</c> is the 6-digit code from an authenticator app.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);
