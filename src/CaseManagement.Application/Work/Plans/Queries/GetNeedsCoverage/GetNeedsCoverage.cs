using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Queries.GetNeedsCoverage;

/// <summary>
/// Every assessed need with the goals and actions of the plan that answer it, and the significant needs nothing answers:
/// the gaps a manager looks for. A dropped action answers nothing. Null when the user may not see the case.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetNeedsCoverage(Guid CaseId) : IRequest<NeedsCoverageDto?>;

/// <summary>How the plan answers the latest assessment's needs, and the needs nothing answers yet.</summary>
public sealed record NeedsCoverageDto(WorkCase Case, int? AssessmentNumber, IReadOnlyList<NeedCoverageDto> Needs, IReadOnlyList<AssessedNeedDto> Unanswered);

/// <summary>One assessed need and the plan's goals and actions that answer it.</summary>
public sealed record NeedCoverageDto(AssessedNeedDto Need, IReadOnlyList<string> Goals, IReadOnlyList<string> Actions)
{
    public bool Answered => Goals.Count + Actions.Count > 0;
}

public sealed class GetNeedsCoverageHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetNeedsCoverage, NeedsCoverageDto?>
{
    public async Task<NeedsCoverageDto?> Handle(GetNeedsCoverage request, CancellationToken cancellationToken)
    {
        var found = await db.WorkCaseAsync(user, audit, request.CaseId, "NeedsCoverage", cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (assessment, assessed) = await db.LatestAsync(found.Id, cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.CaseId == found.Id).OrderBy(g => g.CreatedAtUtc).ToListAsync(cancellationToken);
        var actions = await db.CasePlans.AsNoTracking().Where(p => p.CaseId == found.Id).SelectMany(p => p.Actions)
            .Where(a => a.State != PlanActionState.Dropped).OrderBy(a => a.CreatedAtUtc).ToListAsync(cancellationToken);
        var rows = assessed.SeenBy(found.SeesWholeRecord)
            .OrderByDescending(n => n.Significant)
            .Select(n => new NeedCoverageDto(
                n.ToDto(),
                goals.Where(g => g.NeedList.Contains(n.Need)).Select(g => g.Description).ToList(),
                actions.Where(a => a.NeedList.Contains(n.Need)).Select(a => a.What).ToList()))
            .ToList();
        return new NeedsCoverageDto(found, assessment?.Number, rows, rows.Where(r => r.Need.Significant && !r.Answered).Select(r => r.Need).ToList());
    }
}
