namespace CaseManagement.Application.PartnerClients.Commands.RevokePartnerClient;

/// <summary>Removes a client and every token it holds: its next request is refused.</summary>
[Authorize(Roles.Administrator)]
public sealed record RevokePartnerClient(string ClientId) : ICommand<bool>;

public sealed class RevokePartnerClientHandler(IPartnerClients clients) : IRequestHandler<RevokePartnerClient, bool>
{
    public async Task<bool> Handle(RevokePartnerClient request, CancellationToken cancellationToken)
    {
        await clients.RevokeAsync(request.ClientId, cancellationToken);
        return true;
    }
}
