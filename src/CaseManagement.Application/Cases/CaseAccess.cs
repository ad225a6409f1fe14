using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Cases;

/// <summary>
/// Need to know for cases: the team's case managers and managers see and change the team's cases; a seconded
/// practitioner sees the cases they are on (and their children), while they are on them, and may add to the timeline.
/// </summary>
public static class CaseAccess
{
    public static IQueryable<ChildCase> VisibleTo(this IQueryable<ChildCase> cases, ICurrentUser user, IQueryable<CaseMember> members)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.WorksTeamCases())
        {
            return cases.OfTeams(user.TeamIds);
        }

        if (user.IsInRole(Roles.SecondedPractitioner) && user.UserId is { } userId)
        {
            return cases.Where(c => members.Any(m => m.CaseId == c.Id && m.UserId == userId && m.RemovedAtUtc == null));
        }

        return cases.Where(_ => false);
    }

    /// <summary>
    /// The cases of the given teams. Most people work in one team: an equality, which lets the database read a list in
    /// the order of an index that starts with the team (the waiting list, 25 rows from 12,000, without sorting them all).
    /// </summary>
    public static IQueryable<ChildCase> OfTeams(this IQueryable<ChildCase> cases, IReadOnlyList<Guid> teamIds)
    {
        ArgumentNullException.ThrowIfNull(teamIds);
        if (teamIds.Count == 1)
        {
            var teamId = teamIds[0];
            return cases.Where(c => c.TeamId == teamId);
        }

        var ids = teamIds.ToList();
        return cases.Where(c => ids.Contains(c.TeamId));
    }

    /// <summary>The children whose record the user may open: the team's, and for a seconded practitioner those of the cases they are on.</summary>
    public static IQueryable<Child> ChildrenVisibleTo(this IApplicationDbContext db, ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.WorksTeamCases())
        {
            return db.Children.VisibleTo(user);
        }

        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        return db.Children.Where(c => cases.Any(k => k.ChildId == c.Id));
    }

    /// <summary>Whether the user sees the whole record (the team) or only what is shared with everyone on the case.</summary>
    public static bool SeesTeamOnlyEntries(this ICurrentUser user, Guid teamId) => user.WorksTeamCases() && user.TeamIds.Contains(teamId);

    /// <summary>The case, with its allocations and practitioners, for a change by the team; not found when the user may not change it.</summary>
    public static async Task<ChildCase> CaseForChangeAsync(this IApplicationDbContext db, ICurrentUser user, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var teamIds = user.WorksTeamCases() ? user.TeamIds.ToList() : [];
        return await db.Cases.Include(c => c.Allocations).Include(c => c.Members)
            .Where(c => c.Id == caseId && teamIds.Contains(c.TeamId))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Case", caseId);
    }
}
