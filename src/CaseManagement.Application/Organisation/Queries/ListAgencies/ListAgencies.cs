using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Queries.ListAgencies;

/// <summary>An organisation whose staff use the system or send referrals to it.</summary>
public sealed record AgencyDto(Guid Id, string Name, AgencyKind Kind);

/// <summary>Every agency, by name: for choosing a referrer's agency, an account's agency or a team's.</summary>
[Authorize]
public sealed record ListAgencies : IRequest<IReadOnlyList<AgencyDto>>;

public sealed class ListAgenciesHandler(IApplicationDbContext db) : IRequestHandler<ListAgencies, IReadOnlyList<AgencyDto>>
{
    public async Task<IReadOnlyList<AgencyDto>> Handle(ListAgencies request, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AgencyDto(a.Id, a.Name, a.Kind))
            .ToListAsync(cancellationToken);
}
