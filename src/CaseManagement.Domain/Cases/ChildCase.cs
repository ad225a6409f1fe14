using System.Globalization;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Cases;

public enum CaseStatus
{
    /// <summary>Opened from an accepted referral; on the waiting list until a case manager is allocated.</summary>
    WaitingForAllocation,

    Open,

    Closed,
}

/// <summary>
/// The team's work with one child, opened when screening accepts a referral. A later referral for a child whose case
/// is still open joins that case instead of opening another. It waits for allocation, is allocated (and reallocated)
/// to a case manager, has seconded practitioners added, is reviewed at the team's interval, and closes with an exit
/// plan; a closed case can be reopened. Every change is an event on the child's timeline.
/// </summary>
public sealed class ChildCase : Entity
{
    public const int TextMaxLength = 4000;

    private readonly List<CaseAllocation> _allocations = [];
    private readonly List<CaseMember> _members = [];

    // For EF Core.
    private ChildCase()
        : base(Guid.Empty)
    {
    }

    private ChildCase(Guid id, Guid teamId, Guid childId, DateTime openedAtUtc, Guid? openedByUserId)
        : base(id)
    {
        TeamId = teamId;
        ChildId = childId;
        OpenedAtUtc = openedAtUtc;
        OpenedByUserId = openedByUserId;
        Status = CaseStatus.WaitingForAllocation;
        InterventionType = Cases.InterventionType.VoluntaryPrevention;
        Priority = AllocationPriority.Normal;
        FirstReferredAtUtc = openedAtUtc;
        Weight = CaseWeights.Of(false, null, null, null);
    }

    public Guid TeamId { get; private set; }

    public Guid ChildId { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public Guid? OpenedByUserId { get; private set; }

    public Guid? CaseManagerUserId { get; private set; }

    public DateTime? AllocatedAtUtc { get; private set; }

    public InterventionType InterventionType { get; private set; }

    public bool EnhancedCaseManagement { get; private set; }

    public EngagementStatus? Engagement { get; private set; }

    public DateOnly? EngagementRecordedOn { get; private set; }

    public DateOnly? NextReviewDue { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public ClosureReason? ClosureReason { get; private set; }

    /// <summary>The universal services the child returns to, comma-separated names of <see cref="UniversalService"/>.</summary>
    public string? ExitServices { get; private set; }

    public string? ExitPlan { get; private set; }

    /// <summary>The team's priority for allocation while the case waits.</summary>
    public AllocationPriority Priority { get; private set; }

    /// <summary>Whether any referral the case holds was marked urgent by its referrer.</summary>
    public bool Urgent { get; private set; }

    /// <summary>When the first referral of the case was received (the opening, until a referral joins): the wait is counted from here.</summary>
    public DateTime FirstReferredAtUtc { get; private set; }

    /// <summary>Who sent the first referral of the case.</summary>
    public ReferralSource? FirstReferralSource { get; private set; }

    /// <summary>The latest assessment's three judgements (kept here so lists and caseloads read one row per case).</summary>
    public LikelihoodRating? Reoffending { get; private set; }

    public ConcernRating? SeriousHarm { get; private set; }

    public ConcernRating? Wellbeing { get; private set; }

    /// <summary>How much work the case is for a caseload (<see cref="CaseWeights.Of"/>), kept current by every change that moves it.</summary>
    public int Weight { get; private set; }

    /// <summary>
    /// The day of the latest contact the child attended (decision 0039), kept here so that every list and caseload counts
    /// the days since without reading the contacts; null until the first.
    /// </summary>
    public DateOnly? LastContactOn { get; private set; }

    /// <summary>Optimistic concurrency: two people allocating the same case at once cannot both win.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status != CaseStatus.Closed;

    public IReadOnlyCollection<CaseAllocation> Allocations => _allocations;

    public IReadOnlyCollection<CaseMember> Members => _members;

    public static ChildCase Open(Guid teamId, Guid childId, DateTime nowUtc, Guid? byUserId)
    {
        var opened = new ChildCase(Guid.NewGuid(), teamId, childId, nowUtc, byUserId);
        opened.Happened(TimelineKind.CaseOpened, nowUtc, byUserId, null);
        return opened;
    }

    /// <summary>
    /// A referral joins the case (the one that opened it, or a later one for the same child). The first referral sets
    /// when the wait began and its source; an urgent referral marks the case urgent and of high priority (which the waiting list reads).
    /// </summary>
    public void ReferralJoined(ReferralSource source, ReferralUrgency urgency, DateTime receivedAtUtc)
    {
        if (FirstReferralSource is null || receivedAtUtc < FirstReferredAtUtc)
        {
            FirstReferredAtUtc = receivedAtUtc;
            FirstReferralSource = source;
        }

        if (urgency == ReferralUrgency.Urgent)
        {
            Urgent = true;
            Priority = AllocationPriority.High;
        }

        Version++;
    }

    /// <summary>
    /// The case moves to another record of the same child, when two records are merged (or back, when the merge is
    /// undone); its history and timeline entries stay with it.
    /// </summary>
    public void MoveToChild(Guid childId)
    {
        if (childId == ChildId)
        {
            return;
        }

        ChildId = childId;
        Version++;
    }

    /// <summary>Sets the team's priority for allocating the case while it waits.</summary>
    public void SetPriority(AllocationPriority priority, DateTime nowUtc, Guid? byUserId)
    {
        if (Status != CaseStatus.WaitingForAllocation)
        {
            throw new DomainRuleException("Only a case on the waiting list has a priority for allocation.");
        }

        if (Priority == priority)
        {
            return;
        }

        Priority = priority;
        Version++;
        Happened(TimelineKind.PriorityChanged, nowUtc, byUserId, priority.ToString());
    }

    /// <summary>The latest assessment of the case was started or its judgements changed: the case weighs what it says.</summary>
    internal void Rated(LikelihoodRating? reoffending, ConcernRating? seriousHarm, ConcernRating? wellbeing)
    {
        if ((Reoffending, SeriousHarm, Wellbeing) == (reoffending, seriousHarm, wellbeing))
        {
            return;
        }

        (Reoffending, SeriousHarm, Wellbeing) = (reoffending, seriousHarm, wellbeing);
        Weight = CaseWeights.Of(EnhancedCaseManagement, reoffending, seriousHarm, wellbeing);

        // A change of details saved at the same moment from an older copy would write the weight of the old ratings.
        Version++;
    }

    /// <summary>
    /// A contact the child attended was recorded: the last contact moves on when it is the latest. Not a change of the
    /// case for optimistic concurrency: a contact saved while someone changes the case's details must not refuse either.
    /// </summary>
    public void ContactAttended(DateOnly on)
    {
        if (LastContactOn is { } last && last >= on)
        {
            return;
        }

        LastContactOn = on;
    }

    /// <summary>
    /// A contact was corrected (its date or outcome changed) or removed: the last contact is the latest attended one
    /// that remains, as the contact commands read it from the rows.
    /// </summary>
    public void ContactsRecounted(DateOnly? latestAttended) => LastContactOn = latestAttended;

    /// <summary>
    /// Allocates (or reallocates) the case. The first allocation sets the first review date: the one given, or the
    /// team's interval from today.
    /// </summary>
    public void Allocate(Guid caseManagerUserId, DateTime nowUtc, Guid? byUserId, DateOnly? firstReviewDue, int reviewIntervalDays)
    {
        EnsureOpen("A closed case cannot be allocated. Reopen it first.");
        if (CaseManagerUserId == caseManagerUserId)
        {
            throw new DomainRuleException("The case is already allocated to this case manager.");
        }

        var today = DateOnly.FromDateTime(nowUtc);
        if (firstReviewDue is { } due && due < today)
        {
            throw new DomainRuleException("The first review date must be today or in the future.");
        }

        foreach (var current in _allocations.Where(a => a.EndedAtUtc is null))
        {
            current.End(nowUtc);
        }

        _allocations.Add(new CaseAllocation(Id, caseManagerUserId, nowUtc, byUserId));
        CaseManagerUserId = caseManagerUserId;
        AllocatedAtUtc ??= nowUtc;
        Status = CaseStatus.Open;
        NextReviewDue ??= firstReviewDue ?? today.AddDays(reviewIntervalDays);
        Version++;
        Happened(TimelineKind.CaseAllocated, nowUtc, byUserId, caseManagerUserId.ToString());
    }

    public void AddPractitioner(Guid userId, string contribution, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contribution);
        EnsureOpen("A closed case cannot have practitioners added. Reopen it first.");
        if (_members.Any(m => m.UserId == userId && m.IsCurrent))
        {
            throw new DomainRuleException("This practitioner is already on the case.");
        }

        _members.Add(new CaseMember(Id, userId, contribution.Trim(), nowUtc, byUserId));
        Version++;
        Happened(TimelineKind.PractitionerAdded, nowUtc, byUserId, userId.ToString());
    }

    public void RemovePractitioner(Guid userId, DateTime nowUtc, Guid? byUserId)
    {
        var member = _members.FirstOrDefault(m => m.UserId == userId && m.IsCurrent)
            ?? throw new DomainRuleException("This practitioner is not on the case.");
        member.Remove(nowUtc);
        Version++;
        Happened(TimelineKind.PractitionerRemoved, nowUtc, byUserId, userId.ToString());
    }

    public void ChangeDetails(InterventionType interventionType, bool enhancedCaseManagement, DateTime nowUtc, Guid? byUserId)
    {
        EnsureOpen("A closed case cannot be changed. Reopen it first.");
        if (InterventionType == interventionType && EnhancedCaseManagement == enhancedCaseManagement)
        {
            return;
        }

        InterventionType = interventionType;
        EnhancedCaseManagement = enhancedCaseManagement;
        Weight = CaseWeights.Of(enhancedCaseManagement, Reoffending, SeriousHarm, Wellbeing);
        Version++;
        Happened(TimelineKind.CaseDetailsChanged, nowUtc, byUserId, interventionType.ToString());
    }

    public void RecordEngagement(EngagementStatus status, DateOnly on, DateTime nowUtc, Guid? byUserId)
    {
        EnsureOpen("A closed case cannot be changed. Reopen it first.");
        if (on > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The date must be today or in the past.");
        }

        Engagement = status;
        EngagementRecordedOn = on;
        Version++;
        Happened(TimelineKind.EngagementRecorded, nowUtc, byUserId, status.ToString());
    }

    /// <summary>Sets the date the next review is due (a review sets it too, for the one after).</summary>
    public void SetNextReview(DateOnly due, DateTime nowUtc, Guid? byUserId)
    {
        EnsureOpen("A closed case has no reviews. Reopen it first.");
        if (due < DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The review date must be today or in the future.");
        }

        NextReviewDue = due;
        Version++;
        Happened(TimelineKind.ReviewDateSet, nowUtc, byUserId, due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A review was held: the next one is due on the date it set.</summary>
    internal void Reviewed(DateOnly nextDue)
    {
        NextReviewDue = nextDue;
        Version++;
    }

    public void Close(ClosureReason reason, DateOnly closedOn, IReadOnlyCollection<UniversalService> exitServices, string? exitPlan, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(exitServices);
        EnsureOpen("This case is already closed.");
        if (closedOn > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The closing date must be today or in the past.");
        }

        if (reason == Cases.ClosureReason.InterventionCompleted && (exitServices.Count == 0 || string.IsNullOrWhiteSpace(exitPlan)))
        {
            throw new DomainRuleException("When the work is complete, the exit plan must name the services the child returns to.");
        }

        Status = CaseStatus.Closed;
        ClosedAtUtc = nowUtc;
        ClosedOn = closedOn;
        ClosureReason = reason;
        ExitServices = exitServices.Count == 0 ? null : string.Join(",", exitServices.Distinct().Order());
        ExitPlan = string.IsNullOrWhiteSpace(exitPlan) ? null : exitPlan.Trim();
        NextReviewDue = null;
        foreach (var member in _members.Where(m => m.IsCurrent))
        {
            member.Remove(nowUtc);
        }

        Version++;
        Happened(TimelineKind.CaseClosed, nowUtc, byUserId, reason.ToString());
    }

    /// <summary>Reopens a closed case: back to its case manager, or to the waiting list if it never had one. The last closure stays on the timeline.</summary>
    public void Reopen(DateTime nowUtc, Guid? byUserId, int reviewIntervalDays)
    {
        if (IsOpen)
        {
            throw new DomainRuleException("This case is already open.");
        }

        Status = CaseManagerUserId is null ? CaseStatus.WaitingForAllocation : CaseStatus.Open;
        ClosedAtUtc = null;
        ClosedOn = null;
        ClosureReason = null;
        ExitServices = null;
        ExitPlan = null;
        NextReviewDue = CaseManagerUserId is null ? null : DateOnly.FromDateTime(nowUtc).AddDays(reviewIntervalDays);
        Version++;
        Happened(TimelineKind.CaseReopened, nowUtc, byUserId, null);
    }

    public IReadOnlyList<UniversalService> ExitServiceList =>
        ExitServices is null ? [] : ExitServices.Split(',').Select(Enum.Parse<UniversalService>).ToList();

    internal void EnsureOpen(string message)
    {
        if (!IsOpen)
        {
            throw new DomainRuleException(message);
        }
    }

    internal void Happened(TimelineKind kind, DateTime nowUtc, Guid? byUserId, string? detail) =>
        Record(new CaseEvent(nowUtc, Id, ChildId, kind, detail, byUserId));
}

/// <summary>Something that happened in the team's work with the child; each one becomes an entry on the child's timeline.</summary>
public sealed record CaseEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, string? Detail, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;
}
