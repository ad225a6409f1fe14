using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Cases.Queries;

/// <summary>Which cases a list shows: the waiting list (not yet allocated), open, closed, or the user's own.</summary>
public enum CaseListFilter
{
    Waiting,
    Open,
    Closed,
    Mine,

    /// <summary>Open cases whose review is due in the next seven days.</summary>
    ReviewsDueThisWeek,

    /// <summary>Open cases whose review date has passed.</summary>
    ReviewsOverdue,

    /// <summary>Cases nobody works: waiting for allocation, or open with a case manager who can no longer work them (left, or moved team).</summary>
    Unallocated,
}

/// <summary>What a case list can be sorted by (the columns of the waiting list and the review date).</summary>
public enum CaseListSort
{
    /// <summary>The list's own order: the waiting list by priority then longest wait; closed cases latest first; the rest by the next review.</summary>
    Default,
    Priority,
    DaysWaiting,
    Source,
    Urgency,
    NextReview,
    ClosedOn,

    /// <summary>How much work the case is (ascending: the lightest first).</summary>
    Weight,
}

/// <summary>
/// The cases the user may see, a page at a time. The waiting list is in the team's priority, then longest wait first;
/// other lists by the next review due; any list can be sorted by a column and filtered by source, urgency and priority.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListCases(
    CaseListFilter Filter = CaseListFilter.Waiting,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    Guid? CaseManagerUserId = null,
    CaseListSort Sort = CaseListSort.Default,
    bool Descending = false,
    ReferralSource? Source = null,
    ReferralUrgency? Urgency = null,
    AllocationPriority? Priority = null) : IRequest<PagedList<CaseSummaryDto>>;

/// <summary>Every case of a list (as <see cref="ListCases"/> chooses and orders them, without pages), for a spreadsheet. The export is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ExportCases(ListCases List) : IRequest<IReadOnlyList<CaseSummaryDto>>;

public sealed record CaseSummaryDto(
    Guid Id,
    Guid ChildId,
    string ChildName,
    DateOnly DateOfBirth,
    CaseStatus Status,
    DateTime OpenedAtUtc,
    DateTime FirstReferredAtUtc,
    int DaysWaiting,
    AllocationPriority Priority,
    ReferralUrgency Urgency,
    ReferralSource? Source,
    string? CaseManager,
    int Weight,
    DateOnly? NextReviewDue,
    bool ReviewOverdue,
    InterventionType InterventionType,
    DateOnly? ClosedOn);

/// <summary>One case with everything its page shows; null when the user may not see it. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetCase(Guid Id) : IRequest<CaseDto?>;

public sealed record PersonRef(Guid Id, string? Name);

/// <summary>One period with a case manager; <see cref="AllocatedBy"/> is null where the system allocated it (demo data, imports).</summary>
public sealed record CaseAllocationDto(string? CaseManager, DateTime AllocatedAtUtc, DateTime? EndedAtUtc, string? AllocatedBy);

public sealed record CaseMemberDto(Guid UserId, string? Name, string Contribution, DateTime AddedAtUtc);

public sealed record GoalDto(Guid Id, string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus Status, DateTime CreatedAtUtc);

public sealed record ReviewScoreDto(Guid GoalId, string Goal, int Progress, GoalStatus Status);

public sealed record ReviewDto(
    Guid Id,
    DateOnly HeldOn,
    ReviewDecision Decision,
    DateOnly NextReviewDue,
    string? WhatIsWorking,
    string? ChildView,
    string? FamilyView,
    string? Recommendations,
    string? RecordedBy,
    IReadOnlyList<ReviewScoreDto> Scores);

public sealed record CaseReferralDto(Guid Id, string Reference, ReferralSource Source, ReferralUrgency Urgency, DateTime ReceivedAtUtc, ReferralStatus Status);

public sealed record CaseDto(
    Guid Id,
    Guid TeamId,
    Guid ChildId,
    string ChildName,
    DateOnly DateOfBirth,
    int ChildAge,
    CaseStatus Status,
    DateTime OpenedAtUtc,
    PersonRef? CaseManager,
    InterventionType InterventionType,
    bool EnhancedCaseManagement,
    EngagementStatus? Engagement,
    DateOnly? EngagementRecordedOn,
    DateOnly? NextReviewDue,
    bool ReviewOverdue,
    DateOnly? ClosedOn,
    ClosureReason? ClosureReason,
    IReadOnlyList<UniversalService> ExitServices,
    string? ExitPlan,
    LaterOffending? LaterOffending,
    DateOnly? LaterOffendingRecordedOn,
    bool CanChange,
    IReadOnlyList<CaseAllocationDto> Allocations,
    IReadOnlyList<CaseMemberDto> Practitioners,
    IReadOnlyList<GoalDto> Goals,
    IReadOnlyList<ReviewDto> Reviews,
    IReadOnlyList<CaseReferralDto> Referrals,
    AllocationPriority Priority,
    bool Urgent,
    DateTime FirstReferredAtUtc,
    int Weight);

/// <summary>Who a case can be allocated to (the case managers and managers of its team) and which seconded practitioners can join it.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetCaseChoices(Guid CaseId) : IRequest<CaseChoicesDto?>;

public sealed record CaseChoicesDto(IReadOnlyList<PersonRef> CaseManagers, IReadOnlyList<PersonRef> Practitioners);

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Filter).IsInEnum().WithMessage("Choose which cases to list.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Choose a column to sort by.");
        RuleFor(q => q.Source).IsInEnum().WithMessage("Choose a source.");
        RuleFor(q => q.Urgency).IsInEnum().WithMessage("Choose an urgency.");
        RuleFor(q => q.Priority).IsInEnum().WithMessage("Choose a priority.");
    }
}

public sealed class ExportCasesValidator : AbstractValidator<ExportCases>
{
    public ExportCasesValidator() => RuleFor(q => q.List).NotNull().SetValidator(new ListCasesValidator());
}

public sealed class CaseQueryHandlers(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<ListCases, PagedList<CaseSummaryDto>>, IRequestHandler<ExportCases, IReadOnlyList<CaseSummaryDto>>, IRequestHandler<GetCase, CaseDto?>, IRequestHandler<GetCaseChoices, CaseChoicesDto?>
{
    /// <summary>The most rows one export gives (a team's lists are far shorter).</summary>
    public const int ExportLimit = 50_000;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedList<CaseSummaryDto>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var cases = await ChosenAsync(request, cancellationToken);
        var total = await cases.CountAsync(cancellationToken);
        var items = await SummariesAsync(Ordered(cases, request).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize), cancellationToken);
        return new PagedList<CaseSummaryDto>(items, request.Page, request.PageSize, total);
    }

    public async Task<IReadOnlyList<CaseSummaryDto>> Handle(ExportCases request, CancellationToken cancellationToken)
    {
        var items = await SummariesAsync(Ordered(await ChosenAsync(request.List, cancellationToken), request.List).Take(ExportLimit), cancellationToken);
        var list = request.List;
        var filters = string.Join(", ", new[]
        {
            list.CaseManagerUserId is { } manager ? $"case manager {manager}" : null,
            list.Source is { } source ? $"source {source}" : null,
            list.Urgency is { } urgency ? $"urgency {urgency}" : null,
            list.Priority is { } priority ? $"priority {priority}" : null,
        }.Where(f => f is not null));
        audit.Record(new AuditRecord(AuditAction.Export, "CaseList", list.Filter.ToString(), null, Changes: null, Reason: filters.Length == 0 ? $"{items.Count} rows" : $"{items.Count} rows; {filters}"));
        await db.SaveChangesAsync(cancellationToken);
        return items;
    }

    /// <summary>The cases of the list the user may see, filtered as asked.</summary>
    private async Task<IQueryable<ChildCase>> ChosenAsync(ListCases request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var today = Today;
        var weekAhead = today.AddDays(7);
        var cases = db.Cases.AsNoTracking().VisibleTo(user, db.CaseMembers);
        if (request.CaseManagerUserId is { } manager)
        {
            cases = cases.Where(c => c.CaseManagerUserId == manager);
        }

        if (request.Source is { } source)
        {
            cases = cases.Where(c => c.FirstReferralSource == source);
        }

        if (request.Urgency is { } urgency)
        {
            var urgent = urgency == ReferralUrgency.Urgent;
            cases = cases.Where(c => c.Urgent == urgent);
        }

        if (request.Priority is { } priority)
        {
            cases = cases.Where(c => c.Priority == priority);
        }

        return request.Filter switch
        {
            CaseListFilter.Waiting => cases.Where(c => c.Status == CaseStatus.WaitingForAllocation),
            CaseListFilter.Open => cases.Where(c => c.Status == CaseStatus.Open),
            CaseListFilter.ReviewsDueThisWeek => cases.Where(c => c.Status == CaseStatus.Open && c.NextReviewDue >= today && c.NextReviewDue <= weekAhead),
            CaseListFilter.ReviewsOverdue => cases.Where(c => c.Status == CaseStatus.Open && c.NextReviewDue < today),
            CaseListFilter.Closed => cases.Where(c => c.Status == CaseStatus.Closed),
            CaseListFilter.Unallocated => await UnallocatedAsync(cases, cancellationToken),
            _ => cases.Where(c => c.Status != CaseStatus.Closed && (c.CaseManagerUserId == userId || db.CaseMembers.Any(m => m.CaseId == c.Id && m.UserId == userId && m.RemovedAtUtc == null))),
        };
    }

    private async Task<IQueryable<ChildCase>> UnallocatedAsync(IQueryable<ChildCase> cases, CancellationToken cancellationToken)
    {
        var active = (await users.ListAsync(cancellationToken)).ActiveCaseHolders(user.TeamIds).ToList();
        return cases.Where(c => c.Status == CaseStatus.WaitingForAllocation || (c.Status == CaseStatus.Open && !active.Contains(c.CaseManagerUserId!.Value)));
    }

    /// <summary>
    /// The column and direction a list is really in: the one asked for, or the list's own (the waiting list by priority,
    /// closed cases latest first, the others by the next review).
    /// </summary>
    public static (CaseListSort Sort, bool Descending) EffectiveSort(ListCases request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Sort != CaseListSort.Default)
        {
            return (request.Sort, request.Descending);
        }

        return request.Filter switch
        {
            CaseListFilter.Waiting or CaseListFilter.Unallocated => (CaseListSort.Priority, false),
            CaseListFilter.Closed => (CaseListSort.ClosedOn, true),
            _ => (CaseListSort.NextReview, false),
        };
    }

    /// <summary>
    /// The list's order; ties fall back to the waiting list's (priority, then longest wait) and the id, so pages never
    /// repeat or skip a case. Ascending is by the value shown: priority high, normal, low (its rank); urgency routine
    /// then urgent; the shortest wait, the lightest case, the earliest date first; cases with no source or date last.
    /// </summary>
    private static IOrderedQueryable<ChildCase> Ordered(IQueryable<ChildCase> cases, ListCases request)
    {
        var (sort, descending) = EffectiveSort(request);
        var ordered = sort switch
        {
            CaseListSort.Priority => descending ? cases.OrderByDescending(c => c.Priority) : cases.OrderBy(c => c.Priority),
            CaseListSort.DaysWaiting => descending ? cases.OrderBy(c => c.FirstReferredAtUtc) : cases.OrderByDescending(c => c.FirstReferredAtUtc),
            CaseListSort.Source => descending
                ? cases.OrderBy(c => c.FirstReferralSource == null).ThenByDescending(c => c.FirstReferralSource)
                : cases.OrderBy(c => c.FirstReferralSource == null).ThenBy(c => c.FirstReferralSource),
            CaseListSort.Urgency => descending ? cases.OrderByDescending(c => c.Urgent) : cases.OrderBy(c => c.Urgent),
            CaseListSort.ClosedOn => descending
                ? cases.OrderBy(c => c.ClosedOn == null).ThenByDescending(c => c.ClosedOn).ThenByDescending(c => c.ClosedAtUtc)
                : cases.OrderBy(c => c.ClosedOn == null).ThenBy(c => c.ClosedOn).ThenBy(c => c.ClosedAtUtc),
            CaseListSort.Weight => descending ? cases.OrderByDescending(c => c.Weight) : cases.OrderBy(c => c.Weight),
            // An open case always has a review date (allocation sets one): those lists need no "no date last" rule,
            // which is what lets the database read them in the order of (TeamId, Status, NextReviewDue).
            _ when request.Filter is CaseListFilter.Open or CaseListFilter.ReviewsDueThisWeek or CaseListFilter.ReviewsOverdue =>
                descending ? cases.OrderByDescending(c => c.NextReviewDue) : cases.OrderBy(c => c.NextReviewDue),
            _ => descending
                ? cases.OrderBy(c => c.NextReviewDue == null).ThenByDescending(c => c.NextReviewDue)
                : cases.OrderBy(c => c.NextReviewDue == null).ThenBy(c => c.NextReviewDue),
        };
        return sort == CaseListSort.Priority
            ? ordered.ThenBy(c => c.FirstReferredAtUtc).ThenBy(c => c.Id)
            : ordered.ThenBy(c => c.Priority).ThenBy(c => c.FirstReferredAtUtc).ThenBy(c => c.Id);
    }

    private async Task<List<CaseSummaryDto>> SummariesAsync(IQueryable<ChildCase> cases, CancellationToken cancellationToken)
    {
        // A join by key, not a correlated .Single(): that one reads every child to number them (ROW_NUMBER) before joining.
        var rows = await cases
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { Case = c, Child = new { k.GivenName, k.FamilyName, k.PreferredName, k.DateOfBirth } })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        return rows.Select(r => new CaseSummaryDto(
            r.Case.Id, r.Case.ChildId, ChildNames.Display(r.Child.GivenName, r.Child.FamilyName, r.Child.PreferredName), r.Child.DateOfBirth, r.Case.Status, r.Case.OpenedAtUtc,
            r.Case.FirstReferredAtUtc, (int)(now - r.Case.FirstReferredAtUtc).TotalDays, r.Case.Priority, r.Case.Urgent ? ReferralUrgency.Urgent : ReferralUrgency.Routine, r.Case.FirstReferralSource,
            r.Case.CaseManagerUserId is { } id && names.TryGetValue(id, out var name) ? name : null, r.Case.Weight,
            r.Case.NextReviewDue, r.Case.NextReviewDue < today, r.Case.InterventionType, r.Case.ClosedOn)).ToList();
    }

    public async Task<CaseDto?> Handle(GetCase request, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().Include(c => c.Allocations).Include(c => c.Members)
            .VisibleTo(user, db.CaseMembers).SingleOrDefaultAsync(c => c.Id == request.Id, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == found.ChildId, cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.CaseId == found.Id).OrderBy(g => g.CreatedAtUtc).ToListAsync(cancellationToken);
        var reviews = await db.Reviews.AsNoTracking().Include(r => r.Scores).Where(r => r.CaseId == found.Id).OrderByDescending(r => r.HeldOn).ThenByDescending(r => r.RecordedAtUtc).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == found.Id).OrderBy(r => r.ReceivedAtUtc)
            .Select(r => new CaseReferralDto(r.Id, r.Reference, r.Source, r.Urgency, r.ReceivedAtUtc, r.Status)).ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        string? NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;
        var goalText = goals.ToDictionary(g => g.Id, g => g.Description);

        audit.Record(new AuditRecord(AuditAction.View, "Case", found.Id.ToString(), found.ChildId));
        await db.SaveChangesAsync(cancellationToken);

        return new CaseDto(
            found.Id, found.TeamId, found.ChildId, ChildNames.Display(child.GivenName, child.FamilyName, child.PreferredName), child.DateOfBirth, child.AgeOn(Today),
            found.Status, found.OpenedAtUtc, found.CaseManagerUserId is { } manager ? new PersonRef(manager, NameOf(manager)) : null,
            found.InterventionType, found.EnhancedCaseManagement, found.Engagement, found.EngagementRecordedOn, found.NextReviewDue, found.NextReviewDue < Today,
            found.ClosedOn, found.ClosureReason, found.ExitServiceList, found.ExitPlan, found.LaterOffending, found.LaterOffendingRecordedOn,
            CanChange: user.SeesTeamOnlyEntries(found.TeamId),
            found.Allocations.OrderByDescending(a => a.AllocatedAtUtc).Select(a => new CaseAllocationDto(NameOf(a.CaseManagerUserId), a.AllocatedAtUtc, a.EndedAtUtc, NameOf(a.AllocatedByUserId))).ToList(),
            found.Members.Where(m => m.IsCurrent).OrderBy(m => m.AddedAtUtc).Select(m => new CaseMemberDto(m.UserId, NameOf(m.UserId), m.Contribution, m.AddedAtUtc)).ToList(),
            goals.Select(g => new GoalDto(g.Id, g.Description, g.Owner, g.OwnerAgency, g.TargetDate, g.Progress, g.Status, g.CreatedAtUtc)).ToList(),
            reviews.Select(r => new ReviewDto(
                r.Id, r.HeldOn, r.Decision, r.NextReviewDue, r.WhatIsWorking, r.ChildView, r.FamilyView, r.Recommendations, NameOf(r.RecordedByUserId),
                r.Scores.Select(s => new ReviewScoreDto(s.GoalId, goalText.GetValueOrDefault(s.GoalId, string.Empty), s.Progress, s.Status)).ToList())).ToList(),
            referrals,
            found.Priority,
            found.Urgent,
            found.FirstReferredAtUtc,
            found.Weight);
    }

    public async Task<CaseChoicesDto?> Handle(GetCaseChoices request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var teamId = await db.Cases.Where(c => c.Id == request.CaseId && teamIds.Contains(c.TeamId)).Select(c => (Guid?)c.TeamId).SingleOrDefaultAsync(cancellationToken);
        if (teamId is null)
        {
            return null;
        }

        var everyone = await users.ListAsync(cancellationToken);
        var active = everyone.Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        return new CaseChoicesDto(
            active.Where(u => u.TeamIds.Contains(teamId.Value) && Roles.TeamCaseRoles.Any(u.Roles.Contains)).Select(u => new PersonRef(u.Id, u.DisplayName)).ToList(),
            active.Where(u => u.Roles.Contains(Roles.SecondedPractitioner)).Select(u => new PersonRef(u.Id, u.DisplayName)).ToList());
    }

}
