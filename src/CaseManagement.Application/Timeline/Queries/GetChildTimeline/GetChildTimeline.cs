using System.Globalization;
using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline.Queries.GetChildTimeline;

/// <summary>The child's timeline across every case and referral, newest first, optionally of some categories only.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetChildTimeline(Guid ChildId, IReadOnlyList<TimelineCategory>? Categories = null) : IRequest<ChildTimelineDto?>;

public sealed record ChildTimelineDto(
    Guid ChildId,
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    int Age,
    bool SeesWholeRecord,
    Guid? OpenCaseId,
    IReadOnlyList<TimelineItemDto> Items);

/// <summary>
/// One event. <see cref="Kind"/> is a <see cref="TimelineKind"/> name or, for a referral, "Referral" + its status
/// ("ReferralReceived", "ReferralAccepted", ...); <see cref="Detail"/> is the value its sentence needs, already
/// resolved to a name where it held an id. <see cref="RecordedBy"/> is null for what the system recorded by itself.
/// </summary>
public sealed record TimelineItemDto(
    Guid? EntryId,
    DateOnly OccurredOn,
    bool DateIsApproximate,
    int AgeAtEvent,
    TimelineCategory Category,
    string Kind,
    string? Title,
    string? Notes,
    string? Detail,
    string? Reference,
    Guid? CaseId,
    Guid? ReferralId,
    TimelineVisibility Visibility,
    string? RecordedBy,
    DateTime RecordedAtUtc,
    DateTime? WithdrawnAtUtc,
    string? WithdrawnReason,
    bool CanWithdraw);

public sealed class GetChildTimelineHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetChildTimeline, ChildTimelineDto?>
{
    public async Task<ChildTimelineDto?> Handle(GetChildTimeline request, CancellationToken cancellationToken)
    {
        var child = await db.ChildrenVisibleTo(user).Where(c => c.Id == request.ChildId && c.MergedIntoChildId == null).SingleOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return null;
        }

        var whole = user.SeesTeamOnlyEntries(child.TeamId);
        var userId = user.UserId ?? Guid.Empty;

        // A record merged into this one brings its history with it.
        var childIds = await db.Children.Where(c => c.Id == child.Id || c.MergedIntoChildId == child.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        var entries = await db.TimelineEntries.AsNoTracking()
            .Where(e => childIds.Contains(e.ChildId) && (whole || e.Visibility == TimelineVisibility.EveryoneOnTheCase || e.RecordedByUserId == userId))
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Transitions)
            .Where(r => r.ChildId != null && childIds.Contains(r.ChildId.Value))
            .ToListAsync(cancellationToken);
        var goalIds = entries.Where(e => e.Kind is TimelineKind.GoalSet or TimelineKind.GoalUpdated && e.Detail is not null)
            .Select(e => Guid.Parse(e.Detail![..36], CultureInfo.InvariantCulture)).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Description, cancellationToken);

        // An intervention's entry names its kind, in the language of the page as the team names it now; the names are
        // looked up beside the goals' descriptions, by id.
        var kindIds = entries.Where(e => e.Kind is TimelineKind.InterventionPlanned or TimelineKind.InterventionStarted or TimelineKind.InterventionCompleted or TimelineKind.InterventionStopped && e.Detail is not null)
            .Select(e => Guid.Parse(e.Detail!, CultureInfo.InvariantCulture)).Distinct().ToList();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        foreach (var kind in await db.InterventionKinds.AsNoTracking().Where(k => kindIds.Contains(k.Id)).ToListAsync(cancellationToken))
        {
            goals[kind.Id] = Domain.Work.InterventionKind.NameIn(language, kind.NameEnglish, kind.NameWelsh);
        }
        var names = await users.DisplayNamesAsync(cancellationToken);
        string? NameOf(Guid? id) => id is { } known && names.TryGetValue(known, out var name) ? name : null;

        var items = new List<TimelineItemDto>();
        foreach (var e in entries)
        {
            items.Add(new TimelineItemDto(
                e.Id, e.OccurredOn, e.DateIsApproximate, child.AgeOn(e.OccurredOn), e.Category, e.Kind.ToString(), e.Title, e.Notes,
                DetailText(e.Kind, e.Detail, NameOf, goals), null, e.CaseId, null, e.Visibility, NameOf(e.RecordedByUserId), e.RecordedAtUtc,
                e.WithdrawnAtUtc, e.WithdrawnReason, e.WithdrawnAtUtc is null && user.CanWithdraw(e.RecordedByUserId, e.Kind, child.TeamId)));
        }

        // Issue 17: a contact's entry reads the contact as it stands now.
        await Work.Contacts.ContactTimeline.FillAsync(db, items, cancellationToken);

        foreach (var r in referrals)
        {
            var received = DateOnly.FromDateTime(r.ReceivedAtUtc);
            items.Add(new TimelineItemDto(null, received, false, child.AgeOn(received), TimelineCategory.Referral, "ReferralReceived", null, null, r.Source.ToString(), r.Reference, r.CaseId, r.Id, TimelineVisibility.EveryoneOnTheCase, NameOf(r.SubmittedByUserId), r.ReceivedAtUtc, null, null, false));
            foreach (var t in r.Transitions.Where(t => t.ToStatus is ReferralStatus.Accepted or ReferralStatus.Signposted or ReferralStatus.Declined or ReferralStatus.LinkedToExistingChild))
            {
                var on = DateOnly.FromDateTime(t.OccurredAtUtc);
                var reason = whole && t.ToStatus is ReferralStatus.Signposted or ReferralStatus.Declined ? r.OutcomeReason : null;
                items.Add(new TimelineItemDto(null, on, false, child.AgeOn(on), TimelineCategory.Referral, "Referral" + t.ToStatus, null, reason, r.Source.ToString(), r.Reference, r.CaseId, r.Id, TimelineVisibility.EveryoneOnTheCase, NameOf(t.ByUserId), t.OccurredAtUtc, null, null, false));
            }
        }

        if (request.Categories is { Count: > 0 } categories)
        {
            items.RemoveAll(i => !categories.Contains(i.Category));
        }

        var openCaseId = await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.ChildId == child.Id && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.OpenedAtUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "Child", child.Id.ToString(), child.Id, Reason: "Timeline"));
        await db.SaveChangesAsync(cancellationToken);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ChildTimelineDto(
            child.Id, child.GivenName, child.FamilyName, child.PreferredName, child.DateOfBirth, child.AgeOn(today), whole, openCaseId,
            items.OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.RecordedAtUtc).ToList());
    }

    /// <summary>The value an entry's sentence needs, with an id turned into the name a person would read.</summary>
    private static string? DetailText(TimelineKind kind, string? detail, Func<Guid?, string?> nameOf, Dictionary<Guid, string> goals)
    {
        if (detail is null)
        {
            return null;
        }

        switch (kind)
        {
            case TimelineKind.CaseAllocated or TimelineKind.PractitionerAdded or TimelineKind.PractitionerRemoved:
                return nameOf(Guid.Parse(detail, CultureInfo.InvariantCulture));
            case TimelineKind.InterventionPlanned or TimelineKind.InterventionStarted or TimelineKind.InterventionCompleted or TimelineKind.InterventionStopped:
                return goals.GetValueOrDefault(Guid.Parse(detail, CultureInfo.InvariantCulture), string.Empty);
            case TimelineKind.GoalSet or TimelineKind.GoalUpdated:
                var goalId = Guid.Parse(detail[..36], CultureInfo.InvariantCulture);
                var description = goals.TryGetValue(goalId, out var text) ? text : string.Empty;
                return detail.Length > 37 ? $"{description} ({detail[37..]}/10)" : description;
            default:
                return detail;
        }
    }
}
