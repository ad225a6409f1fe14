using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Common.Security;

/// <summary>
/// Need to know, as query filters every handler applies: a case manager or team manager sees the children and
/// referrals of their teams (and a referral they opened with break-glass access, while it lasts); anyone who sends
/// referrals sees the ones they sent; nobody else sees any. Administrators and auditors see no child's record.
/// </summary>
public static class AccessRules
{
    public static bool WorksTeamCases(this ICurrentUser user) => Roles.TeamCaseRoles.Any(user.IsInRole);

    /// <summary>The referrals the user holds live emergency access to: a handful at most, read once per request.</summary>
    public static async Task<IReadOnlyCollection<Guid>> GrantedReferralIdsAsync(this IApplicationDbContext db, ICurrentUser user, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (user.UserId is not { } userId || !user.WorksTeamCases())
        {
            return [];
        }

        return await db.BreakGlassAccesses
            .Where(g => g.UserId == userId && g.ExpiresAtUtc > nowUtc)
            .Select(g => g.ReferralId)
            .Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The referrals the user may see. Only the clauses that apply to the user's roles go into the query, so the
    /// database can use its indexes instead of testing every row against every rule.
    /// </summary>
    public static IQueryable<Referral> VisibleTo(this IQueryable<Referral> referrals, ICurrentUser user, IReadOnlyCollection<Guid> grantedReferralIds)
    {
        var userId = user.UserId ?? Guid.Empty;
        var team = user.WorksTeamCases();
        var own = Roles.Referring.Any(user.IsInRole);
        if (!team)
        {
            return own ? referrals.Where(r => r.SubmittedByUserId == userId) : referrals.Where(_ => false);
        }

        var granted = grantedReferralIds.ToList();

        // Most people work in one team: an equality the database can serve from the team index.
        if (user.TeamIds.Count == 1 && granted.Count == 0)
        {
            var teamId = user.TeamIds[0];
            return referrals.Where(r => r.TeamId == teamId || r.SubmittedByUserId == userId);
        }

        var teamIds = user.TeamIds.ToList();
        return granted.Count == 0
            ? referrals.Where(r => teamIds.Contains(r.TeamId) || r.SubmittedByUserId == userId)
            : referrals.Where(r => teamIds.Contains(r.TeamId) || r.SubmittedByUserId == userId || granted.Contains(r.Id));
    }

    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, ICurrentUser user)
    {
        if (!user.WorksTeamCases())
        {
            return children.Where(_ => false);
        }

        var teamIds = user.TeamIds.ToList();
        return children.Where(c => teamIds.Contains(c.TeamId));
    }

    /// <summary>Information shared in confidence: for the owning team's case managers and managers, and for whoever shared it.</summary>
    public static bool CanSeeSensitive(this ICurrentUser user, Guid teamId, Guid? submittedBy) =>
        (user.WorksTeamCases() && user.TeamIds.Contains(teamId)) || (submittedBy is not null && submittedBy == user.UserId);
}
