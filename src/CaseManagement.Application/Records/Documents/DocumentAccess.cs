using CaseManagement.Application.Cases;
using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Documents;

/// <summary>
/// Need to know for documents is the need to know of the record they are kept with: whoever sees the child, referral,
/// case, assessment or contact (the rules of <see cref="AccessRules"/> and <see cref="CaseAccess"/>) sees its documents,
/// except a team-only document, which only the owning team and whoever uploaded it read. Anyone else is told nothing,
/// not even that the record exists.
/// </summary>
public static class DocumentAccess
{
    /// <summary>The record, when the user may see it; not found otherwise.</summary>
    public static async Task<DocumentOwnerRecord> OwnerVisibleToAsync(this IApplicationDbContext db, ICurrentUser user, DocumentOwner kind, Guid id, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var owner = kind switch
        {
            DocumentOwner.Child => await db.ChildrenVisibleTo(user).Where(c => c.Id == id)
                .Select(c => new DocumentOwnerRecord(kind, c.Id, c.Id, c.TeamId)).SingleOrDefaultAsync(cancellationToken),
            DocumentOwner.Referral => await db.Referrals.VisibleTo(user, await db.GrantedReferralIdsAsync(user, nowUtc, cancellationToken)).Where(r => r.Id == id)
                .Select(r => new DocumentOwnerRecord(kind, r.Id, r.ChildId, r.TeamId)).SingleOrDefaultAsync(cancellationToken),
            DocumentOwner.Case => await cases.Where(c => c.Id == id)
                .Select(c => new DocumentOwnerRecord(kind, c.Id, c.ChildId, c.TeamId)).SingleOrDefaultAsync(cancellationToken),
            DocumentOwner.Assessment => await db.Assessments.Where(a => a.Id == id && cases.Any(c => c.Id == a.CaseId))
                .Select(a => new DocumentOwnerRecord(kind, a.Id, a.ChildId, a.TeamId)).SingleOrDefaultAsync(cancellationToken),
            DocumentOwner.Contact => await db.Contacts.Where(c => c.Id == id && cases.Any(k => k.Id == c.CaseId))
                .Select(c => new DocumentOwnerRecord(kind, c.Id, c.ChildId, c.TeamId)).SingleOrDefaultAsync(cancellationToken),
            _ => null,
        };
        return owner ?? throw NotFoundException.For(kind.ToString(), id);
    }

    /// <summary>Whether the user reads a document of a record they see: a team-only one is the team's and its uploader's.</summary>
    public static bool Reads(this ICurrentUser user, DocumentSensitivity sensitivity, Guid teamId, Guid? uploadedBy) =>
        sensitivity == DocumentSensitivity.EveryoneOnTheRecord || user.SeesTeamOnlyEntries(teamId) || (uploadedBy is not null && uploadedBy == user.UserId);
}
