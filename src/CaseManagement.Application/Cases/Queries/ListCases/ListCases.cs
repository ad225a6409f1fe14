using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.ListCases;

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

    /// <summary>Open cases longer without a contact the child attended than the team's setting allows (decision 0039).</summary>
    NoRecentContact,
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

    /// <summary>Days since the last attended contact (descending: the longest without one first).</summary>
    DaysSinceContact,
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
    AllocationPriority? Priority = null) : IRequest<PagedList<CaseSummaryDto>>
{
    /// <summary>
    /// The column and direction the list is really in: the one asked for, or the list's own (the waiting list by
    /// priority, closed cases latest first, the others by the next review).
    /// </summary>
    public (CaseListSort Sort, bool Descending) EffectiveSort() =>
        Sort != CaseListSort.Default
            ? (Sort, Descending)
            : Filter switch
            {
                CaseListFilter.Waiting or CaseListFilter.Unallocated => (CaseListSort.Priority, false),
                CaseListFilter.Closed => (CaseListSort.ClosedOn, true),
                CaseListFilter.NoRecentContact => (CaseListSort.DaysSinceContact, true),
                _ => (CaseListSort.NextReview, false),
            };
}

public sealed class ListCasesHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<ListCases, PagedList<CaseSummaryDto>>
{
    private readonly CaseLists _lists = new(db, user, users, clock);

    public async Task<PagedList<CaseSummaryDto>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var cases = await _lists.ChosenAsync(request, cancellationToken);
        var total = await cases.CountAsync(cancellationToken);
        var items = await _lists.SummariesAsync(CaseLists.Ordered(cases, request).Skip((request.Page - 1) * request.PageSize).Take(request.PageSize), cancellationToken);
        return new PagedList<CaseSummaryDto>(items, request.Page, request.PageSize, total);
    }
}
