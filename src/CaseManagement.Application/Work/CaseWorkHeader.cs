using CaseManagement.Application.Cases;
using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Work;

/// <summary>What a page of a case's work shows above its list: the case, its child, whether work can still be added, and whether the reader sees the whole record (the team) or what is shared with every case member.</summary>
public sealed record CaseWorkHeader(Guid CaseId, Guid TeamId, Guid ChildId, string ChildName, bool CaseOpen, bool SeesWholeRecord)
{
    /// <summary>The case's header for a user who sees it, with the view recorded in the audit trail; null when they do not.</summary>
    public static async Task<CaseWorkHeader?> ReadAsync(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, Guid caseId, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var found = await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.Id == caseId)
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { c.Id, c.TeamId, c.ChildId, c.Status, k.GivenName, k.FamilyName, k.PreferredName })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        audit.Record(new AuditRecord(AuditAction.View, "Case", found.Id.ToString(), found.ChildId, Reason: what));
        return new CaseWorkHeader(found.Id, found.TeamId, found.ChildId, ChildNames.Display(found.GivenName, found.FamilyName, found.PreferredName), found.Status != CaseStatus.Closed, user.SeesTeamOnlyEntries(found.TeamId));
    }
}
