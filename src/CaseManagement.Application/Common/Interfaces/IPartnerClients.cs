namespace CaseManagement.Application.Common.Interfaces;

/// <summary>A partner system's OAuth client, linked to the partner account whose referrals and audit entries its tokens act as.</summary>
public sealed record PartnerClientSummary(string ClientId, string DisplayName, Guid PartnerUserId, string PartnerName, IReadOnlyList<string> Scopes, bool UsesPublicKey);

/// <summary>A client to register: with a public key (PEM) it signs in with <c>private_key_jwt</c>, without one it is given a secret.</summary>
public sealed record NewPartnerClient(Guid PartnerUserId, string DisplayName, IReadOnlyList<string> Scopes, string? PublicKeyPem);

/// <summary>A client's id and, when it has one, its secret: shown once and kept only as a hash.</summary>
public sealed record PartnerClientCredentials(string ClientId, string? Secret);

/// <summary>
/// The token server's clients, kept by OpenIddict in Infrastructure. Each method throws
/// <see cref="Exceptions.NotFoundException"/> for an unknown client and <see cref="DomainRuleException"/> for a rule broken.
/// </summary>
public interface IPartnerClients
{
    Task<IReadOnlyList<PartnerClientSummary>> ListAsync(CancellationToken cancellationToken);

    Task<PartnerClientCredentials> RegisterAsync(NewPartnerClient client, CancellationToken cancellationToken);

    /// <summary>Gives the client a new secret; the old one stops working at once, tokens already issued run out.</summary>
    Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Removes the client and every token it was given: they are refused from the next request.</summary>
    Task RevokeAsync(string clientId, CancellationToken cancellationToken);
}
