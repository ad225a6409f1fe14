using System.Security.Cryptography;
using System.Text.Json;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.Infrastructure.Identity.TokenServer;

/// <summary>
/// Partner clients as OpenIddict applications: confidential, client credentials only, with the scopes an administrator
/// gave, and the partner account they act as in <see cref="PartnerTokens.PartnerUserProperty"/>. OpenIddict keeps a
/// secret as a hash; the secret itself is returned once, to be shown once. Each change goes into the audit trail.
/// </summary>
public sealed class PartnerClientStore(IOpenIddictApplicationManager applications, UserManager<ApplicationUser> users, IAuditTrail audit, IApplicationDbContext db) : IPartnerClients
{
    public async Task<IReadOnlyList<PartnerClientSummary>> ListAsync(CancellationToken cancellationToken)
    {
        // Read in full first: PostgreSQL runs one command at a time per connection, and each client then needs its account.
        var all = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            all.Add(application);
        }

        var clients = new List<PartnerClientSummary>();
        foreach (var application in all)
        {
            var properties = await applications.GetPropertiesAsync(application, cancellationToken);
            if (!properties.TryGetValue(PartnerTokens.PartnerUserProperty, out var linked) || !Guid.TryParse(linked.GetString(), out var userId))
            {
                continue;
            }

            var user = await users.FindByIdAsync(userId.ToString());
            var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
            clients.Add(new PartnerClientSummary(
                await applications.GetClientIdAsync(application, cancellationToken) ?? string.Empty,
                await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
                userId,
                user?.DisplayName ?? string.Empty,
                [.. permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal)).Select(p => p[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal)],
                await applications.GetJsonWebKeySetAsync(application, cancellationToken) is { Keys.Count: > 0 }));
        }

        return [.. clients.OrderBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<PartnerClientCredentials> RegisterAsync(NewPartnerClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var user = await users.FindByIdAsync(client.PartnerUserId.ToString());
        if (user is null || !await users.IsInRoleAsync(user, Roles.PartnerSystem))
        {
            throw new DomainRuleException("Select an account with the role Partner system.", nameof(NewPartnerClient.PartnerUserId));
        }

        var clientId = "partner-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = client.DisplayName,
            ClientType = ClientTypes.Confidential,
            Permissions =
            {
                Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.Introspection,
                Permissions.GrantTypes.ClientCredentials,
            },
        };
        foreach (var scope in client.Scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[PartnerTokens.PartnerUserProperty] = JsonSerializer.SerializeToElement(user.Id.ToString());
        string? secret = null;
        if (client.PublicKeyPem is { } pem)
        {
            descriptor.JsonWebKeySet = new JsonWebKeySet();
            descriptor.JsonWebKeySet.Keys.Add(PublicKey(pem));
        }
        else
        {
            secret = NewSecret();
            descriptor.ClientSecret = secret;
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        await AuditAsync(AuditAction.Create, clientId, $"Client registered for partner account {user.Id} with scopes {string.Join(' ', client.Scopes)}; authenticates with {(secret is null ? "a signed assertion" : "a secret")}.", cancellationToken);
        return new PartnerClientCredentials(clientId, secret);
    }

    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await FindAsync(clientId, cancellationToken);
        if (await applications.GetJsonWebKeySetAsync(application, cancellationToken) is { Keys.Count: > 0 })
        {
            throw new DomainRuleException("This client signs in with its own key and has no secret to change.", nameof(clientId));
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        await AuditAsync(AuditAction.Update, clientId, "Client secret changed.", cancellationToken);
        return secret;
    }

    public async Task RevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        // OpenIddict's store removes the client's tokens with it; the API checks each token's entry, so they stop at once.
        await applications.DeleteAsync(await FindAsync(clientId, cancellationToken), cancellationToken);
        await AuditAsync(AuditAction.Delete, clientId, "Client revoked with every token it held.", cancellationToken);
    }

    private async Task<object> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId ?? string.Empty, cancellationToken) ?? throw new NotFoundException("The client does not exist.");

    private async Task AuditAsync(AuditAction action, string clientId, string reason, CancellationToken cancellationToken)
    {
        audit.Record(new AuditRecord(action, TokenAuditHandler.EntityType, clientId, Reason: reason));
        await db.SaveChangesAsync(cancellationToken);
    }

    // 32 random bytes: as strong as the signing keys; base64url so it travels in a form or a Basic header unchanged.
    private static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The partner's public key as a JSON Web Key (only its public half is kept, whatever was pasted).</summary>
    private static JsonWebKey PublicKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // Not an RSA key: an EC key, or nothing usable.
        }

        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ec.ExportParameters(includePrivateParameters: false))));
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new DomainRuleException("Enter the partner's public key in PEM form (RSA or EC), beginning -----BEGIN PUBLIC KEY-----.", nameof(NewPartnerClient.PublicKeyPem));
        }
    }
}
