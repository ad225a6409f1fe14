using CaseManagement.Application.Cases;
using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;

/// <summary>Says which of the child's assessed needs a goal answers (none is allowed: a goal may be the child's own).</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetGoalNeeds(Guid GoalId, IReadOnlyList<string>? Needs) : ICommand<Unit>;

public sealed class SetGoalNeedsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetGoalNeeds, Unit>
{
    public async Task<Unit> Handle(SetGoalNeeds request, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == request.GoalId, cancellationToken) ?? throw NotFoundException.For("Goal", request.GoalId);
        var @case = await db.CaseForChangeAsync(user, goal.CaseId, cancellationToken);
        var assessed = await db.AssessedAsync(goal.CaseId, cancellationToken);
        goal.Answers(@case, CaseNeeds.Read(request.Needs), assessed, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
