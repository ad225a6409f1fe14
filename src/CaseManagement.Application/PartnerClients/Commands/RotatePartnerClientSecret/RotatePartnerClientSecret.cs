namespace CaseManagement.Application.PartnerClients.Commands.RotatePartnerClientSecret;

/// <summary>Gives a client a new secret, shown this once; the old one stops working at once.</summary>
[Authorize(Roles.Administrator)]
public sealed record RotatePartnerClientSecret(string ClientId) : ICommand<string>;

public sealed class RotatePartnerClientSecretHandler(IPartnerClients clients) : IRequestHandler<RotatePartnerClientSecret, string>
{
    public Task<string> Handle(RotatePartnerClientSecret request, CancellationToken cancellationToken) => clients.RotateSecretAsync(request.ClientId, cancellationToken);
}
