using CaseManagement.Application.Cases;
using CaseManagement.Application.Children;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Overview.Queries.GetWorkList;

/// <summary>
/// The home page: what waits for the signed-in person, by what they do. Each part is there only for the roles whose
/// work it is, and counts only what the person may see (a referrer never learns how many children the team knows).
/// </summary>
[Authorize]
public sealed record GetWorkList : IRequest<WorkListDto>;

/// <param name="MyWork">The cases and assessments the person holds (case managers, team managers, seconded practitioners).</param>
/// <param name="Team">What waits for a team manager's decision.</param>
/// <param name="MyReferrals">The referrals the person sent, by what happened to them (referrers and seconded practitioners).</param>
public sealed record WorkListDto(MyWorkDto? MyWork, TeamWorkDto? Team, MyReferralsDto? MyReferrals);

/// <summary>
/// The person's own work. <see cref="Returned"/> and <see cref="Drafts"/> list the assessments themselves (the most
/// recent first, at most <see cref="GetWorkListHandler.MostItems"/>): there is no other list of them.
/// </summary>
public sealed record MyWorkDto(
    int MyCases,
    int ReviewsDueThisWeek,
    int ReviewsOverdue,
    IReadOnlyList<AssessmentWorkItemDto> Returned,
    IReadOnlyList<AssessmentWorkItemDto> Drafts,
    IReadOnlyList<ReferralDraftItemDto> ReferralDrafts,
    int OutstandingOnwardReferrals = 0);

/// <summary>An assessment waiting for its author: <see cref="SinceUtc"/> is when it was returned, or last changed for a draft.</summary>
public sealed record AssessmentWorkItemDto(Guid AssessmentId, Guid CaseId, string ChildName, int Number, DateTime SinceUtc);

/// <summary>A referral the person started on the question pages and has not sent; the child is not named (the answers are not read).</summary>
public sealed record ReferralDraftItemDto(Guid DraftId, DateTime UpdatedAtUtc);

/// <summary>
/// A team manager's queues. <see cref="InScreening"/> counts the referrals linked to a child and waiting for the screening
/// decision (the status intake really leaves them in: a referral is never left "received").
/// </summary>
public sealed record TeamWorkDto(int InScreening, int AwaitingDuplicateDecision, int AwaitingCountersignature, int Unallocated, int ReviewsOverdue);

/// <summary>How many of the person's own referrals are at each status (statuses with none left out), in the order a referral moves.</summary>
public sealed record MyReferralsDto(IReadOnlyList<StatusCountDto> ByStatus);

public sealed record StatusCountDto(ReferralStatus Status, int Count);

public sealed class GetWorkListHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<GetWorkList, WorkListDto>
{
    /// <summary>The most assessments or drafts listed on the home page; more are a sign of a backlog, not a list to read.</summary>
    public const int MostItems = 10;

    public async Task<WorkListDto> Handle(GetWorkList request, CancellationToken cancellationToken)
    {
        var holdsCases = user.WorksTeamCases() || user.IsInRole(Roles.SecondedPractitioner);
        var myWork = holdsCases && user.UserId is { } userId ? await MyWorkAsync(userId, cancellationToken) : null;
        var team = user.IsInRole(Roles.TeamManager) ? await TeamAsync(cancellationToken) : null;

        // Someone who works the team's cases follows referrals through screening; the others follow the ones they sent.
        var referrals = !user.WorksTeamCases() && Roles.Referring.Any(user.IsInRole) && user.UserId is { } sender ? await MyReferralsAsync(sender, cancellationToken) : null;
        return new WorkListDto(myWork, team, referrals);
    }

    private async Task<MyWorkDto> MyWorkAsync(Guid userId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var weekAhead = today.AddDays(7);
        var visible = db.Cases.AsNoTracking().VisibleTo(user, db.CaseMembers);

        // The same cases as the "My cases" list: the open ones the person manages or is a practitioner on.
        var mine = await visible
            .Where(c => c.Status != CaseStatus.Closed && (c.CaseManagerUserId == userId || db.CaseMembers.Any(m => m.CaseId == c.Id && m.UserId == userId && m.RemovedAtUtc == null)))
            .CountAsync(cancellationToken);
        var managed = visible.Where(c => c.Status == CaseStatus.Open && c.CaseManagerUserId == userId);
        var dueThisWeek = await managed.CountAsync(c => c.NextReviewDue >= today && c.NextReviewDue <= weekAhead, cancellationToken);
        var overdue = await managed.CountAsync(c => c.NextReviewDue < today, cancellationToken);
        if (!user.WorksTeamCases())
        {
            return new MyWorkDto(mine, dueThisWeek, overdue, [], [], []);
        }

        // An assessment is the author's to finish: the one who submitted it, started it, or manages the case.
        var teamIds = user.TeamIds.ToList();
        var authored = db.Assessments.AsNoTracking().Where(a => teamIds.Contains(a.TeamId)
            && (a.SubmittedByUserId == userId || a.CreatedByUserId == userId || db.Cases.Any(c => c.Id == a.CaseId && c.CaseManagerUserId == userId)));
        var returned = await ItemsAsync(authored.Where(a => a.Status == AssessmentStatus.Returned).OrderByDescending(a => a.ReturnedAtUtc), returned: true, cancellationToken);
        var drafts = await ItemsAsync(authored.Where(a => a.Status == AssessmentStatus.Draft).OrderByDescending(a => a.UpdatedAtUtc), returned: false, cancellationToken);
        var referralDrafts = await db.ReferralDrafts.AsNoTracking()
            .Where(d => d.OwnerUserId == userId && d.SubmittedReferralId == null)
            .OrderByDescending(d => d.UpdatedAtUtc).Take(MostItems)
            .Select(d => new ReferralDraftItemDto(d.Id, d.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        var onward = await Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals.ListMyOutstandingOnwardReferralsHandler.Outstanding(db, user).CountAsync(cancellationToken);
        return new MyWorkDto(mine, dueThisWeek, overdue, returned, drafts, referralDrafts, onward);
    }

    private async Task<List<AssessmentWorkItemDto>> ItemsAsync(IQueryable<Assessment> assessments, bool returned, CancellationToken cancellationToken)
    {
        var rows = await assessments.Take(MostItems)
            .Join(db.Children, a => a.ChildId, c => c.Id, (a, c) => new { a.Id, a.CaseId, a.Number, a.ReturnedAtUtc, a.UpdatedAtUtc, c.GivenName, c.FamilyName, c.PreferredName })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new AssessmentWorkItemDto(r.Id, r.CaseId, ChildNames.Display(r.GivenName, r.FamilyName, r.PreferredName), r.Number, returned ? r.ReturnedAtUtc ?? r.UpdatedAtUtc : r.UpdatedAtUtc))
            .OrderByDescending(r => r.SinceUtc).ToList();
    }

    private async Task<TeamWorkDto> TeamAsync(CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var referrals = db.Referrals.AsNoTracking().Where(r => teamIds.Contains(r.TeamId));
        var inScreening = await referrals.CountAsync(r => r.Status == ReferralStatus.Screening, cancellationToken);
        var awaitingDecision = await referrals.CountAsync(r => r.Status == ReferralStatus.AwaitingDuplicateDecision, cancellationToken);
        var countersign = await db.Assessments.CountAsync(a => teamIds.Contains(a.TeamId) && a.Status == AssessmentStatus.Submitted, cancellationToken);
        var cases = db.Cases.AsNoTracking().OfTeams(user.TeamIds);
        var overdue = await cases.CountAsync(c => c.Status == CaseStatus.Open && c.NextReviewDue < today, cancellationToken);

        // The same rule as the "Unallocated" list: waiting, or held by someone who can no longer work the case.
        var active = (await users.ListAsync(cancellationToken)).ActiveCaseHolders(user.TeamIds).ToList();
        var unallocated = await cases.CountAsync(c => c.Status == CaseStatus.WaitingForAllocation || (c.Status == CaseStatus.Open && !active.Contains(c.CaseManagerUserId!.Value)), cancellationToken);
        return new TeamWorkDto(inScreening, awaitingDecision, countersign, unallocated, overdue);
    }

    private async Task<MyReferralsDto> MyReferralsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var counts = await db.Referrals.AsNoTracking().Where(r => r.SubmittedByUserId == userId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new MyReferralsDto(counts.OrderBy(c => c.Status).Select(c => new StatusCountDto(c.Status, c.Count)).ToList());
    }
}
