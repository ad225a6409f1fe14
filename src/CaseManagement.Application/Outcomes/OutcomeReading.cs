using CaseManagement.Application.Children;
using CaseManagement.Application.Outcomes.Queries.ListKpiChildren;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes;

/// <summary>What the outcome queries read alike: the cases' splits, the children's first formal outcomes, their assessments' ratings.</summary>
internal static class OutcomeReading
{
    private static readonly OutOfCourtOutcome[] FormalDisposals = [OutOfCourtOutcome.YouthCaution, OutOfCourtOutcome.YouthConditionalCaution];
    private static readonly LaterOffenceOutcome[] FormalLater = [LaterOffenceOutcome.YouthCaution, LaterOffenceOutcome.YouthConditionalCaution, LaterOffenceOutcome.Conviction];

    /// <summary>The Cwm Taf split of each closed case given (null: still in follow-up).</summary>
    public static async Task<Dictionary<Guid, LaterOffending?>> SplitAsync(IApplicationDbContext db, IQueryable<ChildCase> closed, DateOnly today, CancellationToken cancellationToken)
    {
        var cases = await closed.Where(c => c.ClosedOn != null)
            .Join(db.Teams, c => c.TeamId, t => t.Id, (c, t) => new { c.Id, ClosedOn = c.ClosedOn!.Value, t.OutcomeFollowUpMonths })
            .ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var gravity = (await db.Disposals.AsNoTracking().Where(d => ids.Contains(d.CaseId)).Select(d => new { d.CaseId, d.GravityScore }).ToListAsync(cancellationToken))
            .GroupBy(d => d.CaseId).ToDictionary(g => g.Key, g => g.Max(d => d.GravityScore));
        var offences = (await db.LaterOffences.AsNoTracking().Where(o => ids.Contains(o.CaseId)).Select(o => new { o.CaseId, o.OffenceOn, o.GravityScore }).ToListAsync(cancellationToken))
            .ToLookup(o => o.CaseId, o => (o.OffenceOn, o.GravityScore));
        return cases.ToDictionary(
            c => c.Id,
            c => LaterOffendingSplit.Classify(c.ClosedOn, c.OutcomeFollowUpMonths, gravity.TryGetValue(c.Id, out var g) ? g : null, offences[c.Id], today));
    }

    /// <summary>The children (of the cases given) who became first-time entrants within the dates, inclusive, with the day they did.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> FirstTimeEntrantsAsync(IApplicationDbContext db, IQueryable<ChildCase> cases, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var childIds = cases.Select(c => c.ChildId);
        var disposals = await db.Disposals.AsNoTracking()
            .Where(d => childIds.Contains(d.ChildId) && d.Outcome != null && FormalDisposals.Contains(d.Outcome.Value) && d.OutcomeOn != null)
            .Select(d => new { d.ChildId, On = d.OutcomeOn!.Value }).ToListAsync(cancellationToken);
        var later = await db.LaterOffences.AsNoTracking()
            .Where(o => childIds.Contains(o.ChildId) && FormalLater.Contains(o.Outcome) && o.OutcomeOn != null)
            .Select(o => new { o.ChildId, On = o.OutcomeOn!.Value }).ToListAsync(cancellationToken);
        var outcomes = disposals.Concat(later).ToLookup(o => o.ChildId, o => o.On);
        var ids = outcomes.Select(o => o.Key).ToList();
        var born = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.DateOfBirth }).ToDictionaryAsync(c => c.Id, c => c.DateOfBirth, cancellationToken);
        var entrants = new Dictionary<Guid, DateOnly>();
        foreach (var child in outcomes)
        {
            if (FirstTimeEntrants.EnteredOn(born[child.Key], child) is { } on && on >= from && on <= to)
            {
                entrants[child.Key] = on;
            }
        }

        return entrants;
    }

    /// <summary>The countersigned assessments' ratings of the cases given, by case.</summary>
    public static async Task<ILookup<Guid, AssessmentRatings>> RatingsAsync(IApplicationDbContext db, IQueryable<Guid> caseIds, CancellationToken cancellationToken)
    {
        var found = await db.Assessments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId) && a.Status == AssessmentStatus.Countersigned)
            .Select(a => new { a.CaseId, a.Number, a.Reoffending, a.SeriousHarm, a.Wellbeing, Areas = a.Areas.Select(x => new { x.Area, x.Marker }).ToList() })
            .ToListAsync(cancellationToken);
        return found.ToLookup(a => a.CaseId, a => new AssessmentRatings(a.Number, a.Reoffending, a.SeriousHarm, a.Wellbeing, a.Areas.ToDictionary(x => x.Area, x => x.Marker)));
    }

    /// <summary>The children of the cases behind a figure, by name; each one shown is recorded in the audit trail.</summary>
    public static async Task<IReadOnlyList<KpiChildDto>> ChildrenOfAsync(IApplicationDbContext db, IAuditTrail audit, IReadOnlyList<Guid> caseIds, string reason, CancellationToken cancellationToken)
    {
        var ids = caseIds.ToList();
        var children = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { CaseId = c.Id, ChildId = k.Id, k.GivenName, k.FamilyName, k.PreferredName })
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            audit.Record(new AuditRecord(AuditAction.View, "Case", child.CaseId.ToString(), child.ChildId, Reason: reason));
        }

        await db.SaveChangesAsync(cancellationToken);
        return children.Select(c => new KpiChildDto(c.CaseId, c.ChildId, ChildNames.Display(c.GivenName, c.FamilyName, c.PreferredName)))
            .OrderBy(c => c.ChildName, StringComparer.CurrentCulture).ToList();
    }
}
