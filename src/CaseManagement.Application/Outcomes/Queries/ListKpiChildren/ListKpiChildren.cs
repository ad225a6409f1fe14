using CaseManagement.Application.Children;
using CaseManagement.Application.Outcomes.Queries.GetKpiReport;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Queries.ListKpiChildren;

/// <summary>The children behind one figure of the quarterly return: those who met the measure at the start or at the end. The list is audited.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListKpiChildren(int Year, int Quarter, string Kpi, string Measure, KpiStage Stage) : IRequest<IReadOnlyList<KpiChildDto>>;

public sealed record KpiChildDto(Guid CaseId, Guid ChildId, string ChildName);

public sealed class ListKpiChildrenHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListKpiChildren, IReadOnlyList<KpiChildDto>>
{
    public async Task<IReadOnlyList<KpiChildDto>> Handle(ListKpiChildren request, CancellationToken cancellationToken)
    {
        var (from, to) = Outcomes.Quarter.Dates(request.Year, request.Quarter);
        var cohort = await KpiCohort.ReadAsync(db, user.TeamIds, from, to, cancellationToken);
        List<Guid> caseIds;
        if (request.Kpi == DisposalMeasures.Kpi)
        {
            var ended = cohort.End.Keys.ToList();
            caseIds = await db.Disposals.AsNoTracking()
                .Where(d => ended.Contains(d.CaseId) && d.Outcome != null && (request.Measure != DisposalMeasures.Completed || d.Completed == true))
                .Select(d => d.CaseId).Distinct().ToListAsync(cancellationToken);
        }
        else
        {
            var measure = KpiMeasures.Find(request.Kpi, request.Measure)!;
            caseIds = (request.Stage == KpiStage.Start ? cohort.Start : cohort.End).Where(a => measure.Meets(a.Value)).Select(a => a.Key).ToList();
        }

        var children = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { CaseId = c.Id, ChildId = k.Id, k.GivenName, k.FamilyName, k.PreferredName })
            .ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            audit.Record(new AuditRecord(AuditAction.View, "Case", child.CaseId.ToString(), child.ChildId, Reason: "Key performance indicators"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return children.Select(c => new KpiChildDto(c.CaseId, c.ChildId, ChildNames.Display(c.GivenName, c.FamilyName, c.PreferredName)))
            .OrderBy(c => c.ChildName, StringComparer.CurrentCulture).ToList();
    }
}
