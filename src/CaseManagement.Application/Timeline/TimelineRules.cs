using CaseManagement.Application.Cases;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline;

/// <summary>Who may withdraw an entry: its author, or a manager of the team; only entries a practitioner added.</summary>
internal static class TimelineRules
{
    public static bool CanWithdraw(this ICurrentUser user, Guid? authorId, TimelineKind kind, Guid teamId) =>
        kind == TimelineKind.PractitionerEntry && ((authorId is not null && authorId == user.UserId) || (user.IsInRole(Roles.TeamManager) && user.TeamIds.Contains(teamId)));
}
