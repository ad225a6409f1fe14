using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases;

/// <summary>Chooses, orders and summarises the cases of a list: one reading for the list's pages and for its export.</summary>
internal sealed class CaseLists(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The cases of the list the user may see, filtered as asked.</summary>
    internal async Task<IQueryable<ChildCase>> ChosenAsync(ListCases request, CancellationToken cancellationToken)
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
            CaseListFilter.NoRecentContact => cases.Where((await ContactFlags.ReadAsync(db, today, cancellationToken)).Flagged()),
            _ => cases.Where(c => c.Status != CaseStatus.Closed && (c.CaseManagerUserId == userId || db.CaseMembers.Any(m => m.CaseId == c.Id && m.UserId == userId && m.RemovedAtUtc == null))),
        };
    }

    private async Task<IQueryable<ChildCase>> UnallocatedAsync(IQueryable<ChildCase> cases, CancellationToken cancellationToken)
    {
        var active = (await users.ListAsync(cancellationToken)).ActiveCaseHolders(user.TeamIds).ToList();
        return cases.Where(c => c.Status == CaseStatus.WaitingForAllocation || (c.Status == CaseStatus.Open && !active.Contains(c.CaseManagerUserId!.Value)));
    }

    /// <summary>
    /// The list's order; ties fall back to the waiting list's (priority, then longest wait) and the id, so pages never
    /// repeat or skip a case. Ascending is by the value shown: priority high, normal, low (its rank); urgency routine
    /// then urgent; the shortest wait, the lightest case, the earliest date first; cases with no source or date last.
    /// </summary>
    internal static IOrderedQueryable<ChildCase> Ordered(IQueryable<ChildCase> cases, ListCases request)
    {
        var (sort, descending) = request.EffectiveSort();
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

            // The longest without a contact first: never contacted (the earliest allocation first), then the oldest contact.
            CaseListSort.DaysSinceContact => descending
                ? cases.OrderBy(c => c.LastContactOn != null).ThenBy(c => c.LastContactOn).ThenBy(c => c.AllocatedAtUtc)
                : cases.OrderBy(c => c.LastContactOn == null).ThenByDescending(c => c.LastContactOn).ThenByDescending(c => c.AllocatedAtUtc),
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

    internal async Task<List<CaseSummaryDto>> SummariesAsync(IQueryable<ChildCase> cases, CancellationToken cancellationToken)
    {
        // A join by key, not a correlated .Single(): that one reads every child to number them (ROW_NUMBER) before joining.
        var rows = await cases
            .Join(db.Children, c => c.ChildId, k => k.Id, (c, k) => new { Case = c, Child = new { k.GivenName, k.FamilyName, k.PreferredName, k.DateOfBirth } })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today;
        var flags = await ContactFlags.ReadAsync(db, today, cancellationToken);
        return rows.Select(r =>
        {
            var sinceContact = ContactFlags.DaysSince(r.Case.Status, r.Case.LastContactOn, r.Case.AllocatedAtUtc, today);
            return new CaseSummaryDto(
                r.Case.Id, r.Case.ChildId, ChildNames.Display(r.Child.GivenName, r.Child.FamilyName, r.Child.PreferredName), r.Child.DateOfBirth, r.Case.Status, r.Case.OpenedAtUtc,
                r.Case.FirstReferredAtUtc, (int)(now - r.Case.FirstReferredAtUtc).TotalDays, r.Case.Priority, r.Case.Urgent ? ReferralUrgency.Urgent : ReferralUrgency.Routine, r.Case.FirstReferralSource,
                r.Case.CaseManagerUserId is { } id && names.TryGetValue(id, out var name) ? name : null, r.Case.Weight,
                r.Case.NextReviewDue, r.Case.NextReviewDue < today, r.Case.InterventionType, r.Case.ClosedOn,
                r.Case.LastContactOn, sinceContact, flags.IsFlagged(r.Case.TeamId, sinceContact));
        }).ToList();
    }
}
