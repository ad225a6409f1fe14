using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.SubjectAccess;

/// <summary>Need to know for subject access requests: the managers of the child's team handle them.</summary>
public static class SubjectAccessRequests
{
    public static async Task<SubjectAccessRequest> RequestForTeamAsync(this IApplicationDbContext db, ICurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var teams = user.TeamIds.ToList();
        return await db.SubjectAccessRequests.SingleOrDefaultAsync(r => r.Id == id && teams.Contains(r.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Subject access request", id);
    }
}
