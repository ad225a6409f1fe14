using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Queries.GetPlan;

/// <summary>The case's plan as it stands (the draft), its published versions and the needs it can answer; null when the user may not see the case.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetPlan(Guid CaseId) : IRequest<PlanDto?>;

/// <summary>
/// The plan. <see cref="HasUnpublishedChanges"/> when the draft differs from the latest version (or nothing is published
/// yet and the draft has something in it); <see cref="HeldBack"/> while a very high rating waits for countersignature;
/// <see cref="OwnAgencyActionIds"/> are the draft's actions the reader's own agency owns, whose state a seconded
/// practitioner may change (empty for everyone else).
/// </summary>
public sealed record PlanDto(
    WorkCase Case,
    int PublishedVersion,
    bool HasUnpublishedChanges,
    bool HeldBack,
    PlanPartsDto Draft,
    IReadOnlyList<PlanVersionSummaryDto> Versions,
    IReadOnlyList<AssessedNeedDto> AssessedNeeds,
    IReadOnlyList<Guid> OwnAgencyActionIds);

public sealed class GetPlanHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetPlan, PlanDto?>
{
    public async Task<PlanDto?> Handle(GetPlan request, CancellationToken cancellationToken)
    {
        var found = await db.WorkCaseAsync(user, audit, request.CaseId, "Plan", cancellationToken);
        if (found is null)
        {
            return null;
        }

        var plan = await db.CasePlans.AsNoTracking().WithParts().SingleOrDefaultAsync(p => p.CaseId == found.Id, cancellationToken);
        var goals = await db.Goals.AsNoTracking().Where(g => g.CaseId == found.Id).ToListAsync(cancellationToken);
        var (_, assessed) = await db.LatestAsync(found.Id, cancellationToken);
        var latest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == found.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var agency = user.IsInRole(Roles.SecondedPractitioner) ? await db.OwnAgencyNameAsync(user, users, cancellationToken) : null;
        var draft = plan?.Draft(goals) ?? PlanContent.Empty(goals);
        var newest = plan?.Versions.OrderByDescending(v => v.Number).FirstOrDefault();
        var changed = newest is null
            ? draft.WhatIWant.Count + draft.WhoHelpsMe.Count + draft.Actions.Count + draft.Exit.Count > 0
            : newest.Content != draft.Serialise();
        return new PlanDto(
            found,
            plan?.PublishedVersion ?? 0,
            changed,
            latest is { HoldsThePlan: true },
            PlanPartsDto.From(draft, assessed, found.SeesWholeRecord, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)),
            (plan?.Versions ?? []).OrderByDescending(v => v.Number)
                .Select(v => new PlanVersionSummaryDto(v.Number, v.PublishedAtUtc, v.PublishedByUserId is { } by ? names.GetValueOrDefault(by) : null)).ToList(),
            assessed.SeenBy(found.SeesWholeRecord).Select(n => n.ToDto()).ToList(),
            draft.Actions.Where(a => CasePlan.IsOwnedBy(a.OwnerAgency, agency)).Select(a => a.Id).ToList());
    }
}
