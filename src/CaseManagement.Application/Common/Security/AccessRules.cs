using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Access;
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

    public static IQueryable<Referral> VisibleTo(this IQueryable<Referral> referrals, ICurrentUser user, IQueryable<BreakGlassAccess> grants, DateTime nowUtc)
    {
        var userId = user.UserId ?? Guid.Empty;
        var teamIds = user.TeamIds.ToList();
        var team = user.WorksTeamCases();
        var own = Roles.Referring.Any(user.IsInRole);
        if (!team && !own)
        {
            return referrals.Where(_ => false);
        }

        return referrals.Where(r =>
            (team && teamIds.Contains(r.TeamId))
            || (own && r.SubmittedByUserId == userId)
            || (team && grants.Any(g => g.UserId == userId && g.ReferralId == r.Id && g.ExpiresAtUtc > nowUtc)));
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
