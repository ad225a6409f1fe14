using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.GetFairnessReport;

/// <summary>
/// The fairness view for a period (decision 0060): for the cohort of the period (the team's work that closed in it),
/// waiting time, interventions received and outcome, by ethnicity (the Welsh Government's groups), disability, sex,
/// gender and care experience. Counts only, small numbers suppressed (decision 0048), no lists of children; read by
/// team managers only, and every read is audited, as it is built from special-category data (decision 0049).
/// </summary>
/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Export">True when the view leaves the system (CSV): the audit entry is an export, not a view.</param>
[Authorize(Roles.TeamManager)]
public sealed record GetFairnessReport(DateOnly? From, DateOnly? To, bool Export = false) : IRequest<FairnessReportDto>;

/// <param name="Group">The group: an ethnicity, a yes/no/prefers-not-to-say answer or a sex, or NotRecorded.</param>
/// <param name="Cells">The children of the group in each column of the table, suppressed where small.</param>
public sealed record FairnessRowDto(string Group, IReadOnlyList<ShownCount> Cells);

/// <param name="Characteristic">Ethnicity, Disability, Sex, GenderSameAsSex or CareExperienced.</param>
/// <param name="Measure">Waiting (referral to allocation), Interventions (received or not) or Outcome (the Cwm Taf split).</param>
/// <param name="Columns">The columns of the table, in the order of every row's cells.</param>
/// <param name="Rows">One row per group.</param>
public sealed record FairnessTableDto(string Characteristic, string Measure, IReadOnlyList<string> Columns, IReadOnlyList<FairnessRowDto> Rows);

/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Children">The pieces of work that closed in the period.</param>
/// <param name="Tables">One table per characteristic and measure.</param>
public sealed record FairnessReportDto(DateOnly From, DateOnly To, int Children, IReadOnlyList<FairnessTableDto> Tables);

public sealed class GetFairnessReportHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetFairnessReport, FairnessReportDto>
{
    public const string NotRecorded = "NotRecorded";
    public const string Received = "Received";
    public const string NoneReceived = "NoneReceived";

    /// <summary>Days from the first referral to allocation, in the bands the table shows.</summary>
    public static IReadOnlyList<string> WaitingBands { get; } = ["UpTo7Days", "8To28Days", "Over28Days", "NotAllocated"];

    private static readonly string[] Answers = [.. Enum.GetNames<CharacteristicAnswer>(), NotRecorded];

    public async Task<FairnessReportDto> Handle(GetFairnessReport request, CancellationToken cancellationToken)
    {
        var (from, to) = (request.From!.Value, request.To!.Value);
        var members = await PeriodCohort.ReadAsync(db, user.TeamIds, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var caseIds = members.Select(m => m.CaseId).ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { c.Id, c.ChildId, c.FirstReferredAtUtc, c.AllocatedAtUtc, k.Sex })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var childIds = cases.Values.Select(c => c.ChildId).Distinct().ToList();
        var known = await db.ChildCharacteristics.AsNoTracking().Where(x => childIds.Contains(x.ChildId)).ToDictionaryAsync(x => x.ChildId, cancellationToken);
        var received = (await db.Interventions.AsNoTracking().Where(i => caseIds.Contains(i.CaseId) && i.ActualStart != null).Select(i => i.CaseId).Distinct().ToListAsync(cancellationToken)).ToHashSet();

        // Built from special-category data, so the read is in the audit trail (decision 0049), with the period only;
        // a CSV leaves the system, so it is recorded as the export it is (decision 0069).
        audit.Record(new AuditRecord(request.Export ? AuditAction.Export : AuditAction.View, "FairnessReport", $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}", Reason: $"{members.Count} children"));
        await db.SaveChangesAsync(cancellationToken);

        var rows = members.Select(m =>
        {
            var c = cases[m.CaseId];
            var x = known.GetValueOrDefault(c.ChildId);
            return new
            {
                Groups = new Dictionary<string, string>
                {
                    ["Ethnicity"] = x?.Ethnicity.ToString() ?? NotRecorded,
                    ["Disability"] = x?.Disability.ToString() ?? NotRecorded,
                    ["Sex"] = c.Sex.ToString(),
                    ["GenderSameAsSex"] = x?.GenderSameAsSex.ToString() ?? NotRecorded,
                    ["CareExperienced"] = x?.CareExperienced.ToString() ?? NotRecorded,
                },
                Columns = new Dictionary<string, string>
                {
                    ["Waiting"] = WaitingBand(c.FirstReferredAtUtc, c.AllocatedAtUtc),
                    ["Interventions"] = received.Contains(m.CaseId) ? Received : NoneReceived,
                    ["Outcome"] = m.Outcome?.ToString() ?? CohortFigures.InFollowUp,
                },
            };
        }).ToList();

        var characteristics = new (string Name, IReadOnlyList<string> Groups)[]
        {
            ("Ethnicity", [.. Enum.GetNames<Ethnicity>(), NotRecorded]),
            ("Disability", Answers),
            ("Sex", Enum.GetNames<Sex>()),
            ("GenderSameAsSex", Answers),
            ("CareExperienced", Answers),
        };
        var measures = new (string Name, IReadOnlyList<string> Columns)[]
        {
            ("Waiting", WaitingBands),
            ("Interventions", [Received, NoneReceived]),
            ("Outcome", CohortFigures.Outcomes),
        };
        var tables = from ch in characteristics
                     from me in measures
                     let cells = SmallNumbers.Table(ch.Groups.Select(g => me.Columns.Select(col => rows.Count(r => r.Groups[ch.Name] == g && r.Columns[me.Name] == col)).ToList()).ToList())
                     select new FairnessTableDto(ch.Name, me.Name, me.Columns, ch.Groups.Select((g, i) => new FairnessRowDto(g, cells[i])).ToList());
        return new FairnessReportDto(from, to, members.Count, tables.ToList());
    }

    private static string WaitingBand(DateTime referredAtUtc, DateTime? allocatedAtUtc) =>
        allocatedAtUtc is not { } allocated ? WaitingBands[3]
        : (allocated.Date - referredAtUtc.Date).TotalDays switch
        {
            <= 7 => WaitingBands[0],
            <= 28 => WaitingBands[1],
            _ => WaitingBands[2],
        };
}
