namespace CaseManagement.Application.Work.Plans.Commands.RemoveMyPlanItem;

/// <summary>Takes a line out of the child's own plan; a published version still has it.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RemoveMyPlanItem(Guid CaseId, Guid ItemId) : ICommand<Unit>, IRunsAgainAfterALostRace;

public sealed class RemoveMyPlanItemHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveMyPlanItem, Unit>
{
    public Task<Unit> Handle(RemoveMyPlanItem request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
        {
            plan.RemoveMyPlanItem(@case, request.ItemId, now, user.UserId);
            return Unit.Value;
        }, cancellationToken);
}
