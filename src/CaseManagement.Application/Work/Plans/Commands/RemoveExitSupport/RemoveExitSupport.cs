namespace CaseManagement.Application.Work.Plans.Commands.RemoveExitSupport;

/// <summary>Takes a service or person out of the exit plan; a published version still has it.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RemoveExitSupport(Guid CaseId, Guid SupportId) : ICommand<Unit>, IRunsAgainAfterALostRace;

public sealed class RemoveExitSupportHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveExitSupport, Unit>
{
    public Task<Unit> Handle(RemoveExitSupport request, CancellationToken cancellationToken) =>
        db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) =>
        {
            plan.RemoveExitSupport(@case, request.SupportId, now, user.UserId);
            return Unit.Value;
        }, cancellationToken);
}
