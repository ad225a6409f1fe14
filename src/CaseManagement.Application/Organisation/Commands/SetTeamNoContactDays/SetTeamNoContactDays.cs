namespace CaseManagement.Application.Organisation.Commands.SetTeamNoContactDays;

/// <summary>
/// How many days a case of the team may go without a contact the child attended before the lists and caseloads flag it
/// (decision 0039). The team manager's own setting: only for a team they are in.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record SetTeamNoContactDays(Guid TeamId, int Days) : ICommand<Unit>;

public sealed class SetTeamNoContactDaysHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<SetTeamNoContactDays, Unit>
{
    public async Task<Unit> Handle(SetTeamNoContactDays request, CancellationToken cancellationToken)
    {
        var team = await db.OwnTeamForChangeAsync(user, request.TeamId, cancellationToken);
        team.SetNoContactFlag(request.Days);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
