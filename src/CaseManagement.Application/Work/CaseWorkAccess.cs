using CaseManagement.Application.Cases;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Work;

/// <summary>
/// Need to know for the work recorded on a case (interventions, onward referrals): whoever sees the case records on
/// it, the team on its cases and a seconded practitioner on the cases they are on (CaseAccess.VisibleTo).
/// </summary>
public static class CaseWorkAccess
{
    /// <summary>The case, for recording work on it; not found when the user does not see it.</summary>
    public static async Task<ChildCase> CaseForWorkAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Cases.VisibleTo(user, db.CaseMembers).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
            ?? throw NotFoundException.For("Case", caseId);
    }
}
