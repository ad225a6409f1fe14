namespace CaseManagement.Application.PartnerClients.Queries.ListPartnerClients;

/// <summary>Every partner system's client, for the administrators who register, rotate and revoke them.</summary>
[Authorize(Roles.Administrator)]
public sealed record ListPartnerClients : IRequest<IReadOnlyList<PartnerClientSummary>>;

public sealed class ListPartnerClientsHandler(IPartnerClients clients) : IRequestHandler<ListPartnerClients, IReadOnlyList<PartnerClientSummary>>
{
    public Task<IReadOnlyList<PartnerClientSummary>> Handle(ListPartnerClients request, CancellationToken cancellationToken) => clients.ListAsync(cancellationToken);
}
