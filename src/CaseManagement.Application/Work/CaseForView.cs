using CaseManagement.Application.Cases;
using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Work;

/// <summary>A case as the work's pages head it: the child's name, whether the reader sees the whole record and may change it.</summary>
public sealed record WorkCase(Guid Id, Guid ChildId, Guid TeamId, string ChildName, bool IsOpen, bool SeesWholeRecord, bool CanChange);

public static class CaseForView
{
    /// <summary>The case, if the reader may see it (need to know, as <see cref="CaseAccess"/> says); the view of <paramref name="what"/> is audited.</summary>
    public static async Task<WorkCase?> WorkCaseAsync(this IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, Guid caseId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(audit);
        var found = await db.Cases.AsNoTracking().VisibleTo(user, db.CaseMembers).Where(c => c.Id == caseId)
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { c.Id, c.ChildId, c.TeamId, c.Status, k.GivenName, k.FamilyName, k.PreferredName })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        audit.Record(new AuditRecord(AuditAction.View, what, found.Id.ToString(), found.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        var team = user.SeesTeamOnlyEntries(found.TeamId);
        var open = found.Status != CaseStatus.Closed;
        return new WorkCase(found.Id, found.ChildId, found.TeamId, ChildNames.Display(found.GivenName, found.FamilyName, found.PreferredName), open, team, team && open);
    }
}
