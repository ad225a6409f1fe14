using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Work.Needs.Queries.GetAssessedNeeds;

/// <summary>The case's assessed needs, from its latest submitted assessment; null when the user may not see the case. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetAssessedNeeds(Guid CaseId) : IRequest<AssessedNeedsDto?>;

/// <summary>The needs, and the assessment they come from (none yet: no submitted assessment).</summary>
public sealed record AssessedNeedsDto(Guid CaseId, Guid? AssessmentId, int? AssessmentNumber, IReadOnlyList<AssessedNeedDto> Needs);

public sealed class GetAssessedNeedsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetAssessedNeeds, AssessedNeedsDto?>
{
    public async Task<AssessedNeedsDto?> Handle(GetAssessedNeeds request, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().VisibleTo(user, db.CaseMembers).Where(c => c.Id == request.CaseId)
            .Select(c => new { c.Id, c.ChildId, c.TeamId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var (assessment, needs) = await db.LatestAsync(found.Id, cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "AssessedNeeds", found.Id.ToString(), found.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return new AssessedNeedsDto(found.Id, assessment?.Id, assessment?.Number, needs.SeenBy(user.SeesTeamOnlyEntries(found.TeamId)).Select(n => n.ToDto()).ToList());
    }
}
