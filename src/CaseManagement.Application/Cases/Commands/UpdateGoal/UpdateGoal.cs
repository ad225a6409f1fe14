using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.UpdateGoal;

/// <summary>Changes a goal's wording, owner or target date, and records its progress (0 to 10) and status.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UpdateGoal(Guid GoalId, string Description, GoalOwner? Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus? Status) : ICommand<Unit>, IGoalFields;

public sealed class UpdateGoalHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<UpdateGoal, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(UpdateGoal request, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == request.GoalId, cancellationToken) ?? throw NotFoundException.For("Goal", request.GoalId);
        var @case = await db.CaseForChangeAsync(user, goal.CaseId, cancellationToken);
        goal.Change(@case, request.Description, request.Owner!.Value, request.OwnerAgency, request.TargetDate, Now);
        goal.RecordProgress(request.Progress, request.Status!.Value, Now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
