using CaseManagement.Application.Work.Plans;

namespace CaseManagement.Application.Work.Meetings.Commands.ActOnDecision;

/// <summary>Makes a meeting's decision an action of the professionals' plan, with the decision's owner and due date; answers the action's id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ActOnDecision(Guid CaseId, Guid MeetingId, Guid DecisionId) : ICommand<Guid>, IRunsAgainAfterALostRace;

public sealed class ActOnDecisionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ActOnDecision, Guid>
{
    public async Task<Guid> Handle(ActOnDecision request, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == request.MeetingId && m.CaseId == request.CaseId, cancellationToken)
            ?? throw NotFoundException.For("Meeting", request.MeetingId);
        return await db.ChangePlanAsync(user, clock, meeting.CaseId, (@case, plan, now) => plan.ActOnDecision(@case, meeting, request.DecisionId, now, user.UserId).Id, cancellationToken);
    }
}
