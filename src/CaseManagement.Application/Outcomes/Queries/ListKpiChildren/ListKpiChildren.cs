using CaseManagement.Application.Outcomes.Queries.GetKpiReport;
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

        return await OutcomeReading.ChildrenOfAsync(db, audit, caseIds, "Key performance indicators", cancellationToken);
    }
}
