using CaseManagement.Application.Outcomes.Queries.ListKpiChildren;

namespace CaseManagement.Application.Outcomes.Queries.ListCohortChildren;

/// <summary>The children behind one figure of the cohort outcome report. The list is audited.</summary>
/// <param name="From">The first day of the period.</param>
/// <param name="To">The last day of the period.</param>
/// <param name="Figure">Outcome, FirstTimeEntrants or Distance.</param>
/// <param name="Measure">The outcome, or the judgement or CAF area of distance travelled.</param>
/// <param name="Direction">For distance travelled: LessConcern, Same or MoreConcern.</param>
[Authorize(Roles.TeamManager)]
public sealed record ListCohortChildren(DateOnly? From, DateOnly? To, string? Figure, string? Measure, string? Direction) : IRequest<IReadOnlyList<KpiChildDto>>;

public sealed class ListCohortChildrenHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListCohortChildren, IReadOnlyList<KpiChildDto>>
{
    public async Task<IReadOnlyList<KpiChildDto>> Handle(ListCohortChildren request, CancellationToken cancellationToken)
    {
        var members = await PeriodCohort.ReadAsync(db, user.TeamIds, request.From!.Value, request.To!.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var caseIds = members.Where(m => CohortFigures.Counts(m, request.Figure!, request.Measure, request.Direction)).Select(m => m.CaseId).ToList();
        return await OutcomeReading.ChildrenOfAsync(db, audit, caseIds, "Cohort outcome report", cancellationToken);
    }
}
