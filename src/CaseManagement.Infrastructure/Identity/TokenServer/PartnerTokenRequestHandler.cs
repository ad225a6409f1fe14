using System.Security.Claims;
using CaseManagement.Application.Common.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>
/// The client credentials grant, after OpenIddict has authenticated the client (hashed secret or signed assertion) and
/// checked the scopes it asked for against the ones it was given. The token acts as the client's partner account: its
/// subject is that account's user id, so the API, need-to-know and the audit trail see the partner system as before.
/// A client whose account is disabled, locked or no longer a partner system is refused.
/// </summary>
public sealed class PartnerTokenRequestHandler(IOpenIddictApplicationManager applications, UserManager<ApplicationUser> users)
    : IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(context.Request.ClientId ?? string.Empty, context.CancellationToken);
        var properties = application is null ? null : await applications.GetPropertiesAsync(application, context.CancellationToken);
        var user = properties is not null && properties.TryGetValue(PartnerTokens.PartnerUserProperty, out var linked) && linked.GetString() is { } userId
            ? await users.FindByIdAsync(userId)
            : null;
        if (application is null || user is null || await users.IsLockedOutAsync(user) || !await users.IsInRoleAsync(user, Roles.PartnerSystem))
        {
            context.Reject(Errors.InvalidClient, "The client's partner account is disabled or no longer a partner system.");
            return;
        }

        // No scope asked for: every scope the client was given. Asked for: OpenIddict has already refused any it was not given.
        var scopes = context.Request.GetScopes();
        if (scopes.IsEmpty)
        {
            var permissions = await applications.GetPermissionsAsync(application, context.CancellationToken);
            scopes = [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..])];
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString());
        identity.SetClaim(Claims.Name, user.DisplayName);
        identity.SetClaims(Claims.Role, [Roles.PartnerSystem]);
        identity.SetScopes(scopes);
        identity.SetResources(PartnerTokens.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }
}
