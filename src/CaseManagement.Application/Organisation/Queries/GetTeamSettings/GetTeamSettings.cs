namespace CaseManagement.Application.Organisation.Queries.GetTeamSettings;

/// <summary>The settings a team manager keeps for their own teams, by name.</summary>
[Authorize(Roles.TeamManager)]
public sealed record GetTeamSettings : IRequest<IReadOnlyList<TeamSettingsDto>>;

/// <param name="TeamId">The team.</param>
/// <param name="Name">The team's name.</param>
/// <param name="NoContactFlagDays">How many days a case may go without a contact the child attended before it is flagged (decision 0039).</param>
/// <param name="OutcomeFollowUpMonths">How many months after a case closes later offending counts towards its outcome (issue 19).</param>
public sealed record TeamSettingsDto(Guid TeamId, string Name, int NoContactFlagDays, int OutcomeFollowUpMonths);

public sealed class GetTeamSettingsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetTeamSettings, IReadOnlyList<TeamSettingsDto>>
{
    public async Task<IReadOnlyList<TeamSettingsDto>> Handle(GetTeamSettings request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        return await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).OrderBy(t => t.Name)
            .Select(t => new TeamSettingsDto(t.Id, t.Name, t.NoContactFlagDays, t.OutcomeFollowUpMonths))
            .ToListAsync(cancellationToken);
    }
}
