using CaseManagement.Application.Organisation;

namespace CaseManagement.Application.Outcomes.Commands.SetTeamOutcomeFollowUp;

/// <summary>How many months (1 to 36) after a case closes later offending counts towards its outcome; only for a team the manager is in.</summary>
[Authorize(Roles.TeamManager)]
public sealed record SetTeamOutcomeFollowUp(Guid TeamId, int Months) : ICommand<Unit>;

public sealed class SetTeamOutcomeFollowUpHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<SetTeamOutcomeFollowUp, Unit>
{
    public async Task<Unit> Handle(SetTeamOutcomeFollowUp request, CancellationToken cancellationToken)
    {
        var team = await db.OwnTeamForChangeAsync(user, request.TeamId, cancellationToken);
        team.SetOutcomeFollowUp(request.Months);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
