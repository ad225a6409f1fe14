using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.TokenServer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// How the API signs a caller in: Identity's bearer token, then the check the sign-in cookie gets from
/// <see cref="SecurityStampValidator"/>, at the same interval: the token's security stamp must still be the account's
/// and the account must not be disabled or locked. A token is otherwise good until it expires, so without this a
/// disabled account, a changed password or "sign out everywhere" would leave it working for up to 30 minutes.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInManager<ApplicationUser> signIn,
    IOptions<SecurityStampValidatorOptions> stampOptions,
    ApiTokenHandler.RecentChecks recent) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A partner system's client-credentials token is a JWT (dotted); a person's Identity token never has a dot.
        if (Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Contains('.', StringComparison.Ordinal))
        {
            return await PartnerAsync();
        }

        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded)
        {
            return token;
        }

        var principal = token.Principal;
        var userId = signIn.UserManager.GetUserId(principal);
        var stamp = principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        if (userId is null || stamp is null)
        {
            return AuthenticateResult.Fail("The token names no account.");
        }

        var now = TimeProvider.GetUtcNow();
        if (!recent.IsDue(userId, stamp, now, stampOptions.Value.ValidationInterval))
        {
            return Success(token);
        }

        if (await signIn.ValidateSecurityStampAsync(principal) is not { } user || await signIn.UserManager.IsLockedOutAsync(user))
        {
            recent.Forget(userId);
            return AuthenticateResult.Fail("The account changed since the token was issued.");
        }

        recent.Record(userId, stamp, now);
        return Success(token);
    }

    /// <summary>
    /// A client-credentials token (docs/decisions/0044), checked by OpenIddict (signature, expiry, audience, and its entry,
    /// so a revoked token or client is refused), then turned into the principal a partner account's sign-in would have:
    /// its user id, name and role, with the token's scopes and client. The account is checked as a person's is, at the
    /// same interval: a disabled or locked account, or one no longer a partner system, ends its clients' tokens.
    /// </summary>
    private async Task<AuthenticateResult> PartnerAsync()
    {
        var token = await Context.AuthenticateAsync(OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!token.Succeeded)
        {
            return token.None ? AuthenticateResult.Fail("The token was not accepted.") : token;
        }

        var principal = token.Principal;
        var userId = principal.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Subject);
        var clientId = principal.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.ClientId);
        if (userId is null || clientId is null)
        {
            return AuthenticateResult.Fail("The token names no partner account.");
        }

        var now = TimeProvider.GetUtcNow();
        if (recent.IsDue(userId, PartnerStamp, now, stampOptions.Value.ValidationInterval))
        {
            var user = await signIn.UserManager.FindByIdAsync(userId);
            if (user is null || await signIn.UserManager.IsLockedOutAsync(user) || !await signIn.UserManager.IsInRoleAsync(user, Application.Common.Security.Roles.PartnerSystem))
            {
                recent.Forget(userId);
                return AuthenticateResult.Fail("The partner account is disabled or no longer a partner system.");
            }

            recent.Record(userId, PartnerStamp, now);
        }

        var identity = new ClaimsIdentity(Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        var name = principal.FindFirstValue(OpenIddict.Abstractions.OpenIddictConstants.Claims.Name) ?? clientId;
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, userId));
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim(TeamClaimsPrincipalFactory.DisplayNameClaim, name));
        identity.AddClaim(new Claim(ClaimTypes.Role, Application.Common.Security.Roles.PartnerSystem));
        identity.AddClaim(new Claim(PartnerTokens.ClientIdClaim, clientId));
        foreach (var scope in OpenIddict.Abstractions.OpenIddictExtensions.GetScopes(principal))
        {
            identity.AddClaim(new Claim(PartnerTokens.ScopeClaim, scope));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), token.Properties, Scheme.Name));
    }

    // A partner token carries no security stamp; its account's check is remembered under this in its place.
    private const string PartnerStamp = "(client credentials)";

    private AuthenticateResult Success(AuthenticateResult token) =>
        AuthenticateResult.Success(new AuthenticationTicket(token.Principal!, token.Properties, Scheme.Name));

    /// <summary>
    /// When each account's token was last found current, per server (as each server checks cookies on its own), so
    /// that a client sending many requests costs one look at the account per interval, not one per request.
    /// </summary>
    public sealed class RecentChecks
    {
        private readonly ConcurrentDictionary<string, (string Stamp, DateTimeOffset CheckedAt)> _checks = new(StringComparer.Ordinal);

        /// <summary>A token is checked when its account was not checked within the interval, or was checked with another stamp.</summary>
        public bool IsDue(string userId, string stamp, DateTimeOffset now, TimeSpan interval) =>
            !_checks.TryGetValue(userId, out var last) || !string.Equals(last.Stamp, stamp, StringComparison.Ordinal) || now - last.CheckedAt >= interval;

        public void Record(string userId, string stamp, DateTimeOffset now) => _checks[userId] = (stamp, now);

        public void Forget(string userId) => _checks.TryRemove(userId, out _);
    }
}
