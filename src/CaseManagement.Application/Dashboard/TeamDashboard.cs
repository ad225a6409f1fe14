using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Dashboard;

/// <summary>
/// What a team manager watches: each case manager's caseload (weighted by the latest assessment's ratings), the waiting
/// list, assessments awaiting countersignature, reviews due this week and overdue, and referrals awaiting a duplicate
/// decision. Every figure has a list behind it.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record GetTeamDashboard : IRequest<TeamDashboardDto>;

/// <summary>One case manager's open cases; <see cref="WeightedLoad"/> counts each case by <see cref="CaseWeights.Of"/>.</summary>
public sealed record CaseloadDto(Guid CaseManagerUserId, string? Name, int OpenCases, int WeightedLoad, int ReviewsOverdue);

public sealed record TeamDashboardDto(
    IReadOnlyList<CaseloadDto> Caseloads,
    int WaitingForAllocation,
    int LongestWaitDays,
    int AwaitingCountersignature,
    int ReviewsDueThisWeek,
    int ReviewsOverdue,
    int AwaitingDuplicateDecision);

/// <summary>How much work a case is, for the caseload: one, plus one for each thing that asks for more of the case manager.</summary>
public static class CaseWeights
{
    public static int Of(bool enhanced, LikelihoodRating? reoffending, ConcernRating? seriousHarm, ConcernRating? wellbeing) =>
        1
        + (enhanced ? 1 : 0)
        + (reoffending == LikelihoodRating.High ? 1 : 0)
        + (seriousHarm >= ConcernRating.High ? 1 : 0) + (seriousHarm == ConcernRating.VeryHigh ? 1 : 0)
        + (wellbeing >= ConcernRating.High ? 1 : 0) + (wellbeing == ConcernRating.VeryHigh ? 1 : 0);
}

public sealed class GetTeamDashboardHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<GetTeamDashboard, TeamDashboardDto>
{
    public async Task<TeamDashboardDto> Handle(GetTeamDashboard request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var weekAhead = today.AddDays(7);
        var cases = db.Cases.AsNoTracking().Where(c => teamIds.Contains(c.TeamId));

        // Counted in the database, a row per case manager (and per combination of ratings), not a row per case.
        var open = cases.Where(c => c.Status == CaseStatus.Open && c.CaseManagerUserId != null);
        var perManager = await open.GroupBy(c => c.CaseManagerUserId!.Value)
            .Select(g => new
            {
                Manager = g.Key,
                Open = g.Count(),
                Enhanced = g.Count(c => c.EnhancedCaseManagement),
                Overdue = g.Count(c => c.NextReviewDue < today),
                DueThisWeek = g.Count(c => c.NextReviewDue >= today && c.NextReviewDue <= weekAhead),
            })
            .ToListAsync(cancellationToken);

        // The latest version of each open case's assessment: its ratings weigh the case.
        var rated = await db.Assessments.AsNoTracking()
            .Where(a => teamIds.Contains(a.TeamId) && !db.Assessments.Any(later => later.CaseId == a.CaseId && later.Number > a.Number))
            .Join(open, a => a.CaseId, c => c.Id, (a, c) => new { Manager = c.CaseManagerUserId!.Value, a.Reoffending, a.SeriousHarm, a.Wellbeing })
            .GroupBy(x => new { x.Manager, x.Reoffending, x.SeriousHarm, x.Wellbeing })
            .Select(g => new { g.Key.Manager, g.Key.Reoffending, g.Key.SeriousHarm, g.Key.Wellbeing, Cases = g.Count() })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var caseloads = perManager.Select(m => new CaseloadDto(
                m.Manager,
                names.GetValueOrDefault(m.Manager),
                m.Open,
                m.Open + m.Enhanced + rated.Where(r => r.Manager == m.Manager).Sum(r => r.Cases * (CaseWeights.Of(false, r.Reoffending, r.SeriousHarm, r.Wellbeing) - 1)),
                m.Overdue))
            .OrderByDescending(c => c.WeightedLoad).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();

        var waiting = cases.Where(c => c.Status == CaseStatus.WaitingForAllocation);
        var oldest = await waiting.OrderBy(c => c.OpenedAtUtc).Select(c => (DateTime?)c.OpenedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new TeamDashboardDto(
            caseloads,
            await waiting.CountAsync(cancellationToken),
            oldest is { } since ? (int)(now - since).TotalDays : 0,
            await db.Assessments.CountAsync(a => teamIds.Contains(a.TeamId) && a.Status == AssessmentStatus.Submitted, cancellationToken),
            perManager.Sum(m => m.DueThisWeek),
            perManager.Sum(m => m.Overdue),
            await db.Referrals.CountAsync(r => teamIds.Contains(r.TeamId) && r.Status == ReferralStatus.AwaitingDuplicateDecision, cancellationToken));
    }
}

/// <summary>The team's assessments waiting for a manager's countersignature, oldest first.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListAssessmentsAwaitingCountersignature : IRequest<IReadOnlyList<AwaitingCountersignatureDto>>;

public sealed record AwaitingCountersignatureDto(Guid AssessmentId, Guid CaseId, string ChildName, int Number, DateTime SubmittedAtUtc, string? SubmittedBy, bool VeryHigh);

public sealed class ListAssessmentsAwaitingCountersignatureHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users)
    : IRequestHandler<ListAssessmentsAwaitingCountersignature, IReadOnlyList<AwaitingCountersignatureDto>>
{
    public async Task<IReadOnlyList<AwaitingCountersignatureDto>> Handle(ListAssessmentsAwaitingCountersignature request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => teamIds.Contains(a.TeamId) && a.Status == AssessmentStatus.Submitted)
            .OrderBy(a => a.SubmittedAtUtc)
            .Select(a => new
            {
                a.Id, a.CaseId, a.Number, a.SubmittedAtUtc, a.SubmittedByUserId, a.SeriousHarm, a.Wellbeing,
                Child = db.Children.Where(c => c.Id == a.ChildId).Select(c => c.GivenName + " " + c.FamilyName).Single(),
            })
            .Take(500)
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        return rows.Select(r => new AwaitingCountersignatureDto(
            r.Id, r.CaseId, r.Child, r.Number, r.SubmittedAtUtc!.Value, r.SubmittedByUserId is { } by ? names.GetValueOrDefault(by) : null,
            r.SeriousHarm == ConcernRating.VeryHigh || r.Wellbeing == ConcernRating.VeryHigh)).ToList();
    }
}
