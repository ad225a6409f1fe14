using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.ChangePlanAction;

/// <summary>Changes an action of the professionals' plan: its wording, owner, due date, the needs it answers, and its state.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ChangePlanAction(
    Guid CaseId,
    Guid ActionId,
    string What,
    string OwnerAgency,
    string? OwnerPerson,
    DateOnly? DueOn,
    IReadOnlyList<string>? Needs,
    PlanActionState? State,
    string? DroppedReason) : ICommand<Unit>, IRunsAgainAfterALostRace, IPlanActionFields;

public sealed class ChangePlanActionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangePlanAction, Unit>
{
    public async Task<Unit> Handle(ChangePlanAction request, CancellationToken cancellationToken)
    {
        var assessed = await db.AssessedAsync(request.CaseId, cancellationToken);
        return await db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
        {
            plan.ChangeAction(@case, request.ActionId, request.Fields(), CaseNeeds.Read(request.Needs), assessed, now, user.UserId);
            plan.SetActionState(@case, request.ActionId, request.State!.Value, request.DroppedReason, now, user.UserId);
            return Unit.Value;
        }, cancellationToken);
    }
}
