using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Commands.CreateAgency;

/// <summary>A new agency, whose staff may then be given accounts and whose referrals may name it. Answers its id.</summary>
[Authorize(Roles.Administrator)]
public sealed record CreateAgency : ICommand<Guid>
{
    public string Name { get; init; } = string.Empty;

    public AgencyKind Kind { get; init; }
}

public sealed class CreateAgencyHandler(IApplicationDbContext db) : IRequestHandler<CreateAgency, Guid>
{
    public async Task<Guid> Handle(CreateAgency request, CancellationToken cancellationToken)
    {
        var agency = Agency.Create(request.Name, request.Kind);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency.Id;
    }
}
