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
}

/// <summary>
/// The cases the user may see. The waiting list is longest-waiting first, urgent before routine; other lists by the
/// next review due.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListCases(CaseListFilter Filter = CaseListFilter.Waiting, int Page = 1, int PageSize = Paging.DefaultPageSize, Guid? CaseManagerUserId = null) : IRequest<PagedList<CaseSummaryDto>>;

public sealed record CaseSummaryDto(
    Guid Id,
    Guid ChildId,
    string ChildName,
    DateOnly DateOfBirth,
    CaseStatus Status,
    DateTime OpenedAtUtc,
    int DaysWaiting,
    ReferralUrgency Priority,
    string? CaseManager,
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
    IReadOnlyList<CaseReferralDto> Referrals);

/// <summary>Who a case can be allocated to (the case managers and managers of its team) and which seconded practitioners can join it.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetCaseChoices(Guid CaseId) : IRequest<CaseChoicesDto?>;

public sealed record CaseChoicesDto(IReadOnlyList<PersonRef> CaseManagers, IReadOnlyList<PersonRef> Practitioners);

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Filter).IsInEnum().WithMessage("Choose which cases to list.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("The page must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}

public sealed class CaseQueryHandlers(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<ListCases, PagedList<CaseSummaryDto>>, IRequestHandler<GetCase, CaseDto?>, IRequestHandler<GetCaseChoices, CaseChoicesDto?>
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedList<CaseSummaryDto>> Handle(ListCases request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var today = Today;
        var weekAhead = today.AddDays(7);
        var cases = db.Cases.AsNoTracking().VisibleTo(user, db.CaseMembers);
        if (request.CaseManagerUserId is { } manager)
        {
            cases = cases.Where(c => c.CaseManagerUserId == manager);
        }

        cases = request.Filter switch
        {
            CaseListFilter.Waiting => cases.Where(c => c.Status == CaseStatus.WaitingForAllocation),
            CaseListFilter.Open => cases.Where(c => c.Status == CaseStatus.Open),
            CaseListFilter.ReviewsDueThisWeek => cases.Where(c => c.Status == CaseStatus.Open && c.NextReviewDue >= today && c.NextReviewDue <= weekAhead),
            CaseListFilter.ReviewsOverdue => cases.Where(c => c.Status == CaseStatus.Open && c.NextReviewDue < today),
            CaseListFilter.Closed => cases.Where(c => c.Status == CaseStatus.Closed),
            _ => cases.Where(c => c.Status != CaseStatus.Closed && (c.CaseManagerUserId == userId || db.CaseMembers.Any(m => m.CaseId == c.Id && m.UserId == userId && m.RemovedAtUtc == null))),
        };

        // Urgent first on the waiting list: an urgent referral of the case makes the case urgent.
        var rows = cases.Select(c => new
        {
            Case = c,
            Urgent = db.Referrals.Any(r => r.CaseId == c.Id && r.Urgency == ReferralUrgency.Urgent),
        });
        rows = request.Filter switch
        {
            CaseListFilter.Waiting => rows.OrderByDescending(r => r.Urgent).ThenBy(r => r.Case.OpenedAtUtc).ThenBy(r => r.Case.Id),
            CaseListFilter.Closed => rows.OrderByDescending(r => r.Case.ClosedAtUtc).ThenBy(r => r.Case.Id),
            _ => rows.OrderBy(r => r.Case.NextReviewDue == null).ThenBy(r => r.Case.NextReviewDue).ThenBy(r => r.Case.Id),
        };

        var total = await cases.CountAsync(cancellationToken);
        var page = await rows.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(r => new { r.Case, r.Urgent, Child = db.Children.Where(k => k.Id == r.Case.ChildId).Select(k => new { k.GivenName, k.FamilyName, k.PreferredName, k.DateOfBirth }).Single() })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var items = page.Select(r => new CaseSummaryDto(
            r.Case.Id, r.Case.ChildId, ChildNames.Display(r.Child.GivenName, r.Child.FamilyName, r.Child.PreferredName), r.Child.DateOfBirth, r.Case.Status, r.Case.OpenedAtUtc,
            (int)(now - r.Case.OpenedAtUtc).TotalDays, r.Urgent ? ReferralUrgency.Urgent : ReferralUrgency.Routine,
            r.Case.CaseManagerUserId is { } id && names.TryGetValue(id, out var name) ? name : null,
            r.Case.NextReviewDue, r.Case.NextReviewDue < Today, r.Case.InterventionType, r.Case.ClosedOn)).ToList();
        return new PagedList<CaseSummaryDto>(items, request.Page, request.PageSize, total);
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
            referrals);
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
