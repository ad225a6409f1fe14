using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.AddMyPlanItem;

/// <summary>Adds a line to the child's own plan, in their words: something they want, or someone who helps them. Answers its id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AddMyPlanItem(Guid CaseId, MyPlanSection? Section, string Text) : ICommand<Guid>, IRunsAgainAfterALostRace, IMyPlanText;

public sealed class AddMyPlanItemHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddMyPlanItem, Guid>
{
    public Task<Guid> Handle(AddMyPlanItem request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) => plan.AddMyPlanItem(@case, request.Section!.Value, request.Text, now, user.UserId).Id, cancellationToken);
}
