using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.SetGoal;

/// <summary>Sets a goal of the child's plan, agreed with the child and family; answers the goal's id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetGoal(Guid CaseId, string Description, GoalOwner? Owner, string? OwnerAgency, DateOnly? TargetDate) : ICommand<Guid>, IGoalFields;

public sealed class SetGoalHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetGoal, Guid>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> Handle(SetGoal request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var latest = await db.Assessments.Where(a => a.CaseId == @case.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is { HoldsThePlan: true })
        {
            throw new Domain.Common.DomainRuleException("A very high rating must be countersigned before the plan can go ahead.");
        }

        var goal = Goal.Set(@case, request.Description, request.Owner!.Value, request.OwnerAgency, request.TargetDate, Now, user.UserId);
        db.Goals.Add(goal);
        await db.SaveChangesAsync(cancellationToken);
        return goal.Id;
    }
}
