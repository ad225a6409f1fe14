namespace CaseManagement.Application.PartnerClients.Commands.RegisterPartnerClient;

/// <summary>
/// Registers a partner system's OAuth client, linked to its partner account. Answers the client id and, for a client
/// without a public key, its secret, which is shown this once.
/// </summary>
[Authorize(Roles.Administrator)]
public sealed record RegisterPartnerClient : ICommand<PartnerClientCredentials>
{
    /// <summary>The account (role PartnerSystem) the client's tokens act as.</summary>
    public Guid PartnerUserId { get; init; }

    public string DisplayName { get; init; } = string.Empty;

    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The partner's RSA or EC public key (PEM) for <c>private_key_jwt</c>; empty for a client secret.</summary>
    public string? PublicKeyPem { get; init; }
}

public sealed class RegisterPartnerClientHandler(IPartnerClients clients) : IRequestHandler<RegisterPartnerClient, PartnerClientCredentials>
{
    public Task<PartnerClientCredentials> Handle(RegisterPartnerClient request, CancellationToken cancellationToken) =>
        clients.RegisterAsync(new NewPartnerClient(request.PartnerUserId, request.DisplayName.Trim(), request.Scopes, string.IsNullOrWhiteSpace(request.PublicKeyPem) ? null : request.PublicKeyPem.Trim()), cancellationToken);
}
