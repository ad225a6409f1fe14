using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;

/// <summary>
/// Records an intervention offered to the child (planned): its kind from the team's list, its provider, planned dates
/// and the goals it answers. Answers its id; a second send with the same <see cref="SubmissionKey"/> answers the first's.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record RecordIntervention(
    Guid CaseId,
    Guid? KindId,
    Guid? ProviderAgencyId,
    string? ProviderName,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    IReadOnlyList<Guid>? GoalIds,
    IReadOnlyList<string>? Needs = null,
    Guid? SubmissionKey = null) : ICommand<Guid>, IIdempotentCommand, IInterventionFields;

public sealed class RecordInterventionHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordIntervention, Guid>
{
    public async Task<Guid> Handle(RecordIntervention request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForWorkAsync(user, request.CaseId, cancellationToken);
        if (request.SubmissionKey is { } key
            && await db.Interventions.Where(i => i.CaseId == @case.Id && i.SubmissionKey == key).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken) is { } done)
        {
            return done;
        }

        var kind = await db.InterventionKinds.SingleOrDefaultAsync(k => k.Id == request.KindId, cancellationToken)
            ?? throw new DomainRuleException("Choose a kind of intervention the team offers.", nameof(request.KindId));
        var (plan, assessed) = await InterventionChecks.PlanAsync(db, user, @case, request, request.GoalIds, request.Needs, cancellationToken);
        var intervention = Intervention.Offer(@case, kind, plan, assessed, clock.GetUtcNow().UtcDateTime, user.UserId, request.SubmissionKey);
        db.Interventions.Add(intervention);
        await db.SaveChangesAsync(cancellationToken);
        return intervention.Id;
    }
}
