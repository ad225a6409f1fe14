using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.GetKpiReport;

/// <summary>
/// The team's quarterly key performance indicator return: the children whose team's work ended in the quarter (their
/// indicators at the end recorded within it), each measure counted at the start and at the end, with the out-of-court
/// disposals and the first-time entrants of the quarter. Counts that could name a child are suppressed (decision 0048).
/// </summary>
/// <param name="Year">The calendar year of the quarter.</param>
/// <param name="Quarter">The quarter, 1 to 4.</param>
/// <param name="Export">True when the report leaves the system (CSV): the export is recorded in the audit trail.</param>
[Authorize(Roles.TeamManager)]
public sealed record GetKpiReport(int Year, int Quarter, bool Export = false) : IRequest<KpiReportDto>;

/// <param name="Kpi">The key performance indicator the line belongs to.</param>
/// <param name="Measure">What the line counts.</param>
/// <param name="End">Children who met the measure at the end of the work.</param>
/// <param name="Start">Children who met the measure at the start of the work; null where the measure has no start.</param>
public sealed record KpiLineDto(string Kpi, string Measure, ShownCount? Start, ShownCount End);

/// <param name="Partner">The statutory partner.</param>
/// <param name="Attended">Of the board's meetings in the quarter, how many the partner's senior member attended.</param>
public sealed record BoardAttendanceDto(BoardPartner Partner, int Attended);

/// <param name="Year">The calendar year of the quarter.</param>
/// <param name="Quarter">The quarter, 1 to 4.</param>
/// <param name="From">The quarter's first day.</param>
/// <param name="To">The quarter's last day.</param>
/// <param name="Children">The children whose work with the team ended in the quarter.</param>
/// <param name="Lines">Each measure at the start and at the end, small numbers suppressed.</param>
/// <param name="FirstTimeEntrants">The children who became first-time entrants in the quarter.</param>
/// <param name="BoardMeetings">The management board's meetings held in the quarter.</param>
/// <param name="Board">Each partner's attendance at them; not a count of children, so never suppressed.</param>
public sealed record KpiReportDto(int Year, int Quarter, DateOnly From, DateOnly To, int Children, IReadOnlyList<KpiLineDto> Lines, ShownCount FirstTimeEntrants, int BoardMeetings, IReadOnlyList<BoardAttendanceDto> Board);

public sealed class GetKpiReportHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetKpiReport, KpiReportDto>
{
    public async Task<KpiReportDto> Handle(GetKpiReport request, CancellationToken cancellationToken)
    {
        var (from, to) = Outcomes.Quarter.Dates(request.Year, request.Quarter);
        var cohort = await KpiCohort.ReadAsync(db, user.TeamIds, from, to, cancellationToken);
        var lines = KpiMeasures.All
            .Select(m => new KpiLineDto(m.Kpi, m.Measure, Of(cohort.Start.Count(a => m.Meets(a.Value)), cohort.Children), Of(cohort.End.Count(a => m.Meets(a.Value)), cohort.Children)))
            .ToList();
        var ended = cohort.End.Keys.ToList();
        var disposals = await db.Disposals.AsNoTracking().Where(d => ended.Contains(d.CaseId) && d.Outcome != null).Select(d => new { d.CaseId, d.Completed }).ToListAsync(cancellationToken);
        lines.Add(new KpiLineDto(DisposalMeasures.Kpi, DisposalMeasures.WithOutcome, null, Of(disposals.Select(d => d.CaseId).Distinct().Count(), cohort.Children)));
        lines.Add(new KpiLineDto(DisposalMeasures.Kpi, DisposalMeasures.Completed, null, Of(disposals.Where(d => d.Completed == true).Select(d => d.CaseId).Distinct().Count(), cohort.Children)));

        var teamIds = user.TeamIds.ToList();
        var entrants = await OutcomeReading.FirstTimeEntrantsAsync(db, db.Cases.Where(c => teamIds.Contains(c.TeamId)), from, to, cancellationToken);
        var meetings = await db.BoardMeetings.AsNoTracking().Where(m => teamIds.Contains(m.TeamId) && m.HeldOn >= from && m.HeldOn <= to).Select(m => m.Attended).ToListAsync(cancellationToken);
        var attended = meetings.SelectMany(a => a?.Split(',') ?? []).ToList();
        if (request.Export)
        {
            audit.Record(new AuditRecord(AuditAction.Export, "KpiReport", $"{request.Year}-Q{request.Quarter}", Reason: $"{cohort.Children} children"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return new KpiReportDto(
            request.Year, request.Quarter, from, to, cohort.Children, lines, SmallNumbers.One(entrants.Count),
            meetings.Count, Enum.GetValues<BoardPartner>().Select(p => new BoardAttendanceDto(p, attended.Count(a => a == p.ToString()))).ToList());
    }

    // A measure and its complement add up to the published number of children: both are suppressed if either is small.
    private static ShownCount Of(int count, int children) => SmallNumbers.Table([[count, children - count]])[0][0];
}

/// <summary>The children of a quarter's return: their cases' indicators at the start and at the end, by case.</summary>
internal sealed record KpiCohort(IReadOnlyDictionary<Guid, KpiAnswers> Start, IReadOnlyDictionary<Guid, KpiAnswers> End)
{
    public int Children => End.Count;

    public static async Task<KpiCohort> ReadAsync(IApplicationDbContext db, IReadOnlyList<Guid> teamIds, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var teams = teamIds.ToList();
        var ends = db.KpiRecords.Where(r => teams.Contains(r.TeamId) && r.Stage == KpiStage.End && r.RecordedOn >= from && r.RecordedOn <= to);
        var records = await db.KpiRecords.AsNoTracking()
            .Where(r => (r.Stage == KpiStage.Start || r.Stage == KpiStage.End) && ends.Any(e => e.CaseId == r.CaseId))
            .ToListAsync(cancellationToken);
        return new KpiCohort(
            records.Where(r => r.Stage == KpiStage.Start).ToDictionary(r => r.CaseId, r => r.Answers),
            records.Where(r => r.Stage == KpiStage.End).ToDictionary(r => r.CaseId, r => r.Answers));
    }
}
