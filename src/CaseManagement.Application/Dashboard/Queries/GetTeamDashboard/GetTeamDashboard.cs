using CaseManagement.Application.Cases;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Dashboard.Queries.GetTeamDashboard;

/// <summary>
/// What a team manager watches: each case manager's caseload (weighted by the latest assessment's ratings), the waiting
/// list, assessments awaiting countersignature, reviews due this week and overdue, and referrals awaiting a duplicate
/// decision. Every figure has a list behind it.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record GetTeamDashboard : IRequest<TeamDashboardDto>;

/// <summary>
/// One case manager's open cases; <see cref="WeightedLoad"/> counts each case by <see cref="CaseWeights.Of"/>.
/// <see cref="Active"/> is false when the holder can no longer work the team's cases (account disabled, or moved team).
/// <see cref="NoRecentContact"/> counts the open cases longer without a contact than the team's setting (decision 0039).
/// </summary>
public sealed record CaseloadDto(Guid CaseManagerUserId, string? Name, int OpenCases, int WeightedLoad, int ReviewsOverdue, bool Active, int NoRecentContact);

/// <summary>
/// The dashboard's figures. <see cref="Unallocated"/> is every case nobody works: those waiting for allocation and the
/// open cases whose case manager can no longer work them (<see cref="WithoutActiveCaseManager"/>). <see cref="NoRecentContact"/>
/// counts the open cases longer without a contact the child attended than <see cref="NoContactFlagDays"/> (the team's
/// setting; null when the user's teams set different numbers).
/// </summary>
public sealed record TeamDashboardDto(
    IReadOnlyList<CaseloadDto> Caseloads,
    int WaitingForAllocation,
    int LongestWaitDays,
    int AwaitingCountersignature,
    int ReviewsDueThisWeek,
    int ReviewsOverdue,
    int AwaitingDuplicateDecision,
    int WithoutActiveCaseManager,
    int Unallocated,
    int NoRecentContact,
    int? NoContactFlagDays);

public sealed class GetTeamDashboardHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<GetTeamDashboard, TeamDashboardDto>
{
    public async Task<TeamDashboardDto> Handle(GetTeamDashboard request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var weekAhead = today.AddDays(7);
        var cases = db.Cases.AsNoTracking().OfTeams(user.TeamIds);

        // Counted in the database, a row per case manager, from one index (the case keeps its weight: decision 0022).
        var perManager = await cases.Where(c => c.Status == CaseStatus.Open && c.CaseManagerUserId != null)
            .GroupBy(c => c.CaseManagerUserId!.Value)
            .Select(g => new
            {
                Manager = g.Key,
                Open = g.Count(),
                Weighted = g.Sum(c => c.Weight),
                Overdue = g.Count(c => c.NextReviewDue < today),
                DueThisWeek = g.Count(c => c.NextReviewDue >= today && c.NextReviewDue <= weekAhead),
            })
            .ToListAsync(cancellationToken);
        var flags = await ContactFlags.ReadAsync(db, today, cancellationToken);
        var quiet = await cases.Where(flags.Flagged())
            .GroupBy(c => c.CaseManagerUserId!.Value)
            .Select(g => new { Manager = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Manager, g => g.Count, cancellationToken);
        var accounts = await users.ListAsync(cancellationToken);
        var names = accounts.ToDictionary(u => u.Id, u => u.DisplayName);
        var active = accounts.ActiveCaseHolders(user.TeamIds);
        var caseloads = perManager.Select(m => new CaseloadDto(m.Manager, names.GetValueOrDefault(m.Manager), m.Open, m.Weighted, m.Overdue, active.Contains(m.Manager), quiet.GetValueOrDefault(m.Manager)))
            .OrderBy(c => c.Active).ThenByDescending(c => c.WeightedLoad).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var withoutActive = caseloads.Where(c => !c.Active).Sum(c => c.OpenCases);

        var waiting = cases.Where(c => c.Status == CaseStatus.WaitingForAllocation);
        var oldest = await waiting.OrderBy(c => c.FirstReferredAtUtc).Select(c => (DateTime?)c.FirstReferredAtUtc).FirstOrDefaultAsync(cancellationToken);
        var waitingCount = await waiting.CountAsync(cancellationToken);
        return new TeamDashboardDto(
            caseloads,
            waitingCount,
            oldest is { } since ? (int)(now - since).TotalDays : 0,
            await db.Assessments.CountAsync(a => teamIds.Contains(a.TeamId) && a.Status == AssessmentStatus.Submitted, cancellationToken),
            perManager.Sum(m => m.DueThisWeek),
            perManager.Sum(m => m.Overdue),
            await db.Referrals.CountAsync(r => teamIds.Contains(r.TeamId) && r.Status == ReferralStatus.AwaitingDuplicateDecision, cancellationToken),
            withoutActive,
            waitingCount + withoutActive,
            quiet.Values.Sum(),
            flags.CommonDays(teamIds));
    }
}
