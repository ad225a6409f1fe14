namespace CaseManagement.Application.Organisation.Queries.ListTeams;

/// <summary>Every team, by name: for choosing a team to refer to, or to give an account.</summary>
[Authorize]
public sealed record ListTeams : IRequest<IReadOnlyList<TeamDto>>;

/// <summary>A team, with the agency it belongs to and how many accounts are its members.</summary>
public sealed record TeamDto(Guid Id, string Name, Guid AgencyId, string AgencyName, int MemberCount, int ReviewIntervalDays);

public sealed class ListTeamsHandler(IApplicationDbContext db, IUserDirectory users) : IRequestHandler<ListTeams, IReadOnlyList<TeamDto>>
{
    public async Task<IReadOnlyList<TeamDto>> Handle(ListTeams request, CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking()
            .Join(db.Agencies, t => t.AgencyId, a => a.Id, (t, a) => new { t.Id, t.Name, t.AgencyId, AgencyName = a.Name, t.ReviewIntervalDays })
            .OrderBy(t => t.Name)
            .ToListAsync(cancellationToken);
        var members = await users.CountTeamMembersAsync(cancellationToken);
        return teams.Select(t => new TeamDto(t.Id, t.Name, t.AgencyId, t.AgencyName, members.GetValueOrDefault(t.Id), t.ReviewIntervalDays)).ToList();
    }
}
