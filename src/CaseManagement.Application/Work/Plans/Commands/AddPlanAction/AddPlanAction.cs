using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Application.Work.Plans.Commands.AddPlanAction;

/// <summary>Adds an action to the professionals' plan, with the assessed needs it answers; answers its id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AddPlanAction(Guid CaseId, string What, string OwnerAgency, string? OwnerPerson, DateOnly? DueOn, IReadOnlyList<string>? Needs) : ICommand<Guid>, IRunsAgainAfterALostRace, IPlanActionFields;

public sealed class AddPlanActionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddPlanAction, Guid>
{
    public async Task<Guid> Handle(AddPlanAction request, CancellationToken cancellationToken)
    {
        var assessed = await db.AssessedAsync(request.CaseId, cancellationToken);
        return await db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
            plan.AddAction(@case, request.Fields(), CaseNeeds.Read(request.Needs), assessed, now, user.UserId).Id, cancellationToken);
    }
}
