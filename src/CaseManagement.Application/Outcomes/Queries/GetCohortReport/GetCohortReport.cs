using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Outcomes.Queries.GetCohortReport;

/// <summary>
/// The cohort outcome report for a period, in the shape of the Cwm Taf evaluation (decision 0059): the team's pieces of
/// work that closed in the period; their outcomes in the follow-up window (no further offence, same or lesser, greater,
/// or still in follow-up); the children who became first-time entrants after the work; and the distance travelled per
/// judgement and CAF area. Counts that could name a child are suppressed (decision 0048).
/// </summary>
/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Export">True when the report leaves the system (CSV): the export is recorded in the audit trail.</param>
[Authorize(Roles.TeamManager)]
public sealed record GetCohortReport(DateOnly? From, DateOnly? To, bool Export = false) : IRequest<CohortReportDto>;

/// <param name="Outcome">NoFurtherOffence, SameOrLesserSeriousness, GreaterSeriousness or InFollowUp.</param>
/// <param name="Children">How many of the cohort had it.</param>
public sealed record CohortOutcomeDto(string Outcome, ShownCount Children);

/// <param name="Measure">The judgement or CAF area.</param>
/// <param name="LessConcern">Children whose rating moved to less concern from the first countersigned assessment to the latest.</param>
/// <param name="Same">Children whose rating stayed the same.</param>
/// <param name="MoreConcern">Children whose rating moved to more concern.</param>
public sealed record CohortDistanceDto(string Measure, ShownCount LessConcern, ShownCount Same, ShownCount MoreConcern);

/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Children">The pieces of work that closed in the period (a child whose work closed twice counts twice).</param>
/// <param name="Outcomes">The Cwm Taf split; the counts add up to <paramref name="Children"/>.</param>
/// <param name="FirstTimeEntrants">Children who became first-time entrants after their work closed, within the follow-up window.</param>
/// <param name="Distance">Distance travelled per judgement and CAF area, for children with two countersigned assessments.</param>
public sealed record CohortReportDto(DateOnly From, DateOnly To, int Children, IReadOnlyList<CohortOutcomeDto> Outcomes, ShownCount FirstTimeEntrants, IReadOnlyList<CohortDistanceDto> Distance);

public sealed class GetCohortReportHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetCohortReport, CohortReportDto>
{
    public async Task<CohortReportDto> Handle(GetCohortReport request, CancellationToken cancellationToken)
    {
        var (from, to) = (request.From!.Value, request.To!.Value);
        var members = await PeriodCohort.ReadAsync(db, user.TeamIds, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        int CountOf(string figure, string? measure, string? direction) => members.Count(m => CohortFigures.Counts(m, figure, measure, direction));

        // The split is one row whose total (the cohort) is published; distance travelled one row per measure.
        var split = SmallNumbers.Table([CohortFigures.Outcomes.Select(o => CountOf(CohortFigures.Outcome, o, null)).ToList()])[0];
        var measures = DistanceTravelled.Measures().ToList();
        var distance = SmallNumbers.Table(measures.Select(m => CohortFigures.Directions.Select(d => CountOf(CohortFigures.Distance, m, d)).ToList()).ToList());
        var entrants = CountOf(CohortFigures.FirstTimeEntrants, null, null);
        if (request.Export)
        {
            audit.Record(new AuditRecord(AuditAction.Export, "CohortReport", $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}", Reason: $"{members.Count} children"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CohortReportDto(
            from,
            to,
            members.Count,
            CohortFigures.Outcomes.Select((o, i) => new CohortOutcomeDto(o, split[i])).ToList(),
            SmallNumbers.Table([[entrants, members.Count - entrants]])[0][0],
            measures.Select((m, i) => new CohortDistanceDto(m, distance[i][0], distance[i][1], distance[i][2])).ToList());
    }
}
