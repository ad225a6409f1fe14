namespace CaseManagement.Application.Work.Plans.Commands.ChangeMyPlanItem;

/// <summary>Changes the words of a line of the child's own plan.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ChangeMyPlanItem(Guid CaseId, Guid ItemId, string Text) : ICommand<Unit>, IRunsAgainAfterALostRace, IMyPlanText;

public sealed class ChangeMyPlanItemHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeMyPlanItem, Unit>
{
    public Task<Unit> Handle(ChangeMyPlanItem request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
        {
            plan.ChangeMyPlanItem(@case, request.ItemId, request.Text, now, user.UserId);
            return Unit.Value;
        }, cancellationToken);
}
