using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Api;

/// <summary>Bearer tokens for API clients: people (with two-factor where their role needs it) and partner systems.</summary>
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

    private ObjectResult Refused() =>
        Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The email address, password or code is not right, or the account is locked.");
}

/// <summary>What a client sends for a token; <c>twoFactorCode</c> is the 6-digit code from an authenticator app.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? TwoFactorCode);
