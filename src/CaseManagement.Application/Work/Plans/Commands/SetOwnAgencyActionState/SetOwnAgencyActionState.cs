using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.SetOwnAgencyActionState;

/// <summary>
/// A seconded practitioner on the case (police, health, education, ...) says how an action their own agency owns has
/// got on: started, done, or not possible with the reason (issue 17). The rule is the plan's
/// (<see cref="CasePlan.SetOwnAgencyActionState"/>); the agency is the one the practitioner's account belongs to.
/// </summary>
[Authorize(Roles.SecondedPractitioner)]
public sealed record SetOwnAgencyActionState(Guid CaseId, Guid? ActionId, PlanActionState? State, string? Reason) : ICommand<Unit>, IRunsAgainAfterALostRace;

public sealed class SetOwnAgencyActionStateHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<SetOwnAgencyActionState, Unit>
{
    public async Task<Unit> Handle(SetOwnAgencyActionState request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        var plan = await db.CasePlans.WithParts().SingleOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken)
            ?? throw NotFoundException.For("Plan", request.CaseId);
        var agency = await db.OwnAgencyNameAsync(user, users, cancellationToken);
        plan.SetOwnAgencyActionState(@case, request.ActionId!.Value, agency, request.State!.Value, request.Reason, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
