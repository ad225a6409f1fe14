using CaseManagement.Application.Children;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.GetCase;

/// <summary>One case with everything its page shows; null when the user may not see it. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetCase(Guid Id) : IRequest<CaseDto?>;

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

public sealed class GetCaseHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetCase, CaseDto?>
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

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
            found.ClosedOn, found.ClosureReason, found.ExitServiceList, found.ExitPlan,
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
}
