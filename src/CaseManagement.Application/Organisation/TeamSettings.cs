using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation;

/// <summary>A team's own settings (the days without a contact, the outcome's follow-up), changed by a manager in the team.</summary>
public static class TeamSettings
{
    /// <summary>
    /// The team, tracked for a change, when the user is in it; another team's setting is not the manager's to know of, so
    /// that team is answered as not found, as one that does not exist.
    /// </summary>
    public static async Task<Team> OwnTeamForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var team = user.TeamIds.Contains(teamId)
            ? await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken)
            : null;
        return team ?? throw NotFoundException.For("Team", teamId);
    }
}
