using CaseManagement.Application.Cases;
using CaseManagement.Application.Work;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.GetCaseOutcomes;

/// <summary>A case's indicators, disposals, later offences, its outcome and the child's distance travelled; null when the user does not see the case. Audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetCaseOutcomes(Guid CaseId) : IRequest<CaseOutcomesDto?>;

public sealed record KpiRecordDto(Guid Id, KpiStage Stage, DateOnly RecordedOn, KpiAnswers Answers);

public sealed record DisposalDto(Guid Id, string Incident, DateOnly IncidentOn, int GravityScore, OutOfCourtOutcome? Outcome, DateOnly? OutcomeOn, bool? Completed, string? TurnaroundTrigger, DateOnly? TurnaroundTriggerOn, int? TurnaroundAge, bool TurnaroundEligible);

public sealed record LaterOffenceDto(Guid Id, DateOnly OffenceOn, string OffenceType, int GravityScore, LaterOffenceSource Source, LaterOffenceOutcome Outcome, DateOnly? OutcomeOn);

/// <param name="Case">The case and child the outcomes belong to.</param>
/// <param name="CanRecord">Whether the reader may record indicators, disposals and later offences (the team's case managers and managers).</param>
/// <param name="Known">The indicators the record already answers, so the form does not ask them.</param>
/// <param name="Kpis">The indicators recorded at the start, at reviews and at the end, oldest first.</param>
/// <param name="Disposals">The incident and any out-of-court outcome.</param>
/// <param name="LaterOffences">Later offences recorded as evidence, each dated.</param>
/// <param name="ClosedOn">The day the case closed; null while it is open.</param>
/// <param name="FollowUpEnds">The last day of the follow-up window once the case has closed.</param>
/// <param name="Outcome">The Cwm Taf outcome; null while the case is open or still in follow-up with nothing found.</param>
/// <param name="DistanceTravelled">The change in each rating from the first assessment to the latest.</param>
public sealed record CaseOutcomesDto(
    CaseWorkHeader Case,
    bool CanRecord,
    KnownIndicators Known,
    IReadOnlyList<KpiRecordDto> Kpis,
    IReadOnlyList<DisposalDto> Disposals,
    IReadOnlyList<LaterOffenceDto> LaterOffences,
    DateOnly? ClosedOn,
    DateOnly? FollowUpEnds,
    LaterOffending? Outcome,
    IReadOnlyList<RatingChange> DistanceTravelled);

public sealed class GetCaseOutcomesHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetCaseOutcomes, CaseOutcomesDto?>
{
    public async Task<CaseOutcomesDto?> Handle(GetCaseOutcomes request, CancellationToken cancellationToken)
    {
        if (await CaseWorkHeader.ReadAsync(db, user, audit, request.CaseId, "Outcomes", cancellationToken) is not { } header)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var kpis = await db.KpiRecords.AsNoTracking().Where(r => r.CaseId == header.CaseId).OrderBy(r => r.RecordedOn).ThenBy(r => r.RecordedAtUtc).ToListAsync(cancellationToken);
        var disposals = await db.Disposals.AsNoTracking().Where(d => d.CaseId == header.CaseId).OrderBy(d => d.IncidentOn).ToListAsync(cancellationToken);
        var offences = await db.LaterOffences.AsNoTracking().Where(o => o.CaseId == header.CaseId).OrderBy(o => o.OffenceOn).ToListAsync(cancellationToken);
        var closing = await db.Cases.AsNoTracking().Where(c => c.Id == header.CaseId)
            .Join(db.Teams, c => c.TeamId, t => t.Id, (c, t) => new { c.ClosedOn, t.OutcomeFollowUpMonths }).SingleAsync(cancellationToken);
        var split = closing.ClosedOn is null ? null : (await OutcomeReading.SplitAsync(db, db.Cases.AsNoTracking().Where(c => c.Id == header.CaseId), today, cancellationToken))[header.CaseId];
        var ratings = await OutcomeReading.RatingsAsync(db, db.Cases.Where(c => c.Id == header.CaseId).Select(c => c.Id), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        return new CaseOutcomesDto(
            header,
            user.SeesTeamOnlyEntries(header.TeamId),
            await KnownIndicators.ReadAsync(db, header.CaseId, cancellationToken),
            kpis.Select(r => new KpiRecordDto(r.Id, r.Stage, r.RecordedOn, r.Answers)).ToList(),
            disposals.Select(d => new DisposalDto(d.Id, d.Incident, d.IncidentOn, d.GravityScore, d.Outcome, d.OutcomeOn, d.Completed, d.TurnaroundTrigger, d.TurnaroundTriggerOn, d.TurnaroundAge, d.TurnaroundEligible)).ToList(),
            offences.Select(o => new LaterOffenceDto(o.Id, o.OffenceOn, o.OffenceType, o.GravityScore, o.Source, o.Outcome, o.OutcomeOn)).ToList(),
            closing.ClosedOn,
            closing.ClosedOn?.AddMonths(closing.OutcomeFollowUpMonths),
            split,
            DistanceTravelled.ForChild(ratings[header.CaseId].ToList()));
    }
}
