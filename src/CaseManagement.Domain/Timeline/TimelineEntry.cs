namespace CaseManagement.Domain.Timeline;

/// <summary>What a timeline entry is about; the filter on the child's timeline offers these.</summary>
public enum TimelineCategory
{
    Referral,
    Case,
    Assessment,
    Goal,
    Review,
    SchoolMove,
    Exclusion,
    HouseMove,
    PlacementChange,
    CareStatus,
    Bereavement,
    CamhsReferral,
    Incident,
    Disposal,
    ContactSession,
    OtherLifeEvent,
}

/// <summary>Who wrote an entry: the system (an event of a case, goal or review), or a practitioner.</summary>
public enum TimelineKind
{
    PractitionerEntry,
    CaseOpened,
    CaseAllocated,
    PractitionerAdded,
    PractitionerRemoved,
    CaseDetailsChanged,
    EngagementRecorded,
    ReviewDateSet,
    CaseClosed,
    CaseReopened,
    GoalSet,
    GoalUpdated,
    ReviewHeld,
    AssessmentStarted,
    AssessmentSubmitted,
    AssessmentReturned,
    AssessmentCountersigned,
    /// <summary>The single later-offending value, removed in migration 0030; kept so the entries it wrote still read.</summary>
    LaterOffendingRecorded,
    PriorityChanged,
    ContactRecorded,
    InterventionPlanned,
    InterventionStarted,
    InterventionCompleted,
    InterventionStopped,
    OnwardReferralMade,
    OnwardReferralAccepted,
    OnwardReferralDeclined,
    OnwardReferralFirstAppointment,
    OnwardReferralClosed,
    PlanPublished,
    MeetingHeld,
}

/// <summary>Who may read an entry, beside the author.</summary>
public enum TimelineVisibility
{
    /// <summary>The team and the seconded practitioners added to the child's case.</summary>
    EveryoneOnTheCase,

    /// <summary>The team's case managers and managers only (for example, something a family said in confidence).</summary>
    TeamOnly,
}

/// <summary>An event a case, goal or review records that belongs on the child's timeline.</summary>
public interface ITimelineEvent
{
    Guid ChildId { get; }

    Guid? CaseId { get; }

    TimelineKind Kind { get; }

    /// <summary>The one value the entry's sentence needs (a name, a reason, a rating); never free text about the child.</summary>
    string? Detail { get; }

    Guid? ByUserId { get; }

    DateTime OccurredAtUtc { get; }

    /// <summary>The day the entry belongs to, when not the day it was recorded (a contact written up the day after).</summary>
    DateOnly? OccurredOn => null;
}

/// <summary>
/// One event in a child's life or in the team's work with the child. Entries are never deleted: a practitioner's
/// mistaken entry is withdrawn with a reason and stays, struck through, for the record.
/// </summary>
public sealed class TimelineEntry : Entity
{
    public const int TitleMaxLength = 200;
    public const int NotesMaxLength = 4000;

    // For EF Core.
    private TimelineEntry()
        : base(Guid.Empty)
    {
    }

    private TimelineEntry(Guid childId, Guid? caseId, DateOnly occurredOn, bool dateIsApproximate, TimelineCategory category, TimelineKind kind, DateTime recordedAtUtc, Guid? recordedByUserId)
        : base(Guid.NewGuid())
    {
        ChildId = childId;
        CaseId = caseId;
        OccurredOn = occurredOn;
        DateIsApproximate = dateIsApproximate;
        Category = category;
        Kind = kind;
        RecordedAtUtc = recordedAtUtc;
        RecordedByUserId = recordedByUserId;
    }

    public Guid ChildId { get; private set; }

    public Guid? CaseId { get; private set; }

    public DateOnly OccurredOn { get; private set; }

    /// <summary>The family remembers "spring 2019", not a day: the date is shown as approximate.</summary>
    public bool DateIsApproximate { get; private set; }

    public TimelineCategory Category { get; private set; }

    public TimelineKind Kind { get; private set; }

    public string? Title { get; private set; }

    public string? Notes { get; private set; }

    public string? Detail { get; private set; }

    public TimelineVisibility Visibility { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    public string? WithdrawnReason { get; private set; }

    /// <summary>Categories a practitioner may choose; the others are written by the system.</summary>
    public static IReadOnlyList<TimelineCategory> PractitionerCategories { get; } =
    [
        TimelineCategory.SchoolMove, TimelineCategory.Exclusion, TimelineCategory.HouseMove, TimelineCategory.PlacementChange,
        TimelineCategory.CareStatus, TimelineCategory.Bereavement, TimelineCategory.CamhsReferral, TimelineCategory.Incident,
        TimelineCategory.Disposal, TimelineCategory.ContactSession, TimelineCategory.OtherLifeEvent,
    ];

    public static TimelineEntry ByPractitioner(Guid childId, Guid? caseId, TimelineCategory category, DateOnly occurredOn, bool dateIsApproximate, string title, string? notes, TimelineVisibility visibility, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (!PractitionerCategories.Contains(category))
        {
            throw new DomainRuleException("Choose what kind of event this was.");
        }

        if (occurredOn > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The date of the event must be today or in the past.");
        }

        return new TimelineEntry(childId, caseId, occurredOn, dateIsApproximate, category, TimelineKind.PractitionerEntry, nowUtc, byUserId)
        {
            Title = title.Trim(),
            Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(),
            Visibility = visibility,
        };
    }

    /// <summary>The entry for an event the system recorded: dated the day it happened, seen by everyone on the case.</summary>
    public static TimelineEntry FromEvent(ITimelineEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return new TimelineEntry(recorded.ChildId, recorded.CaseId, recorded.OccurredOn ?? DateOnly.FromDateTime(recorded.OccurredAtUtc), false, CategoryOf(recorded.Kind), recorded.Kind, recorded.OccurredAtUtc, recorded.ByUserId)
        {
            Detail = recorded.Detail,
            Visibility = TimelineVisibility.EveryoneOnTheCase,
        };
    }

    public void Withdraw(string reason, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Kind != TimelineKind.PractitionerEntry)
        {
            throw new DomainRuleException("Only an entry written by a practitioner can be withdrawn.");
        }

        if (WithdrawnAtUtc is not null)
        {
            throw new DomainRuleException("This entry has already been withdrawn.");
        }

        WithdrawnAtUtc = nowUtc;
        WithdrawnReason = reason.Trim();
    }

    private static TimelineCategory CategoryOf(TimelineKind kind) => kind switch
    {
        TimelineKind.GoalSet or TimelineKind.GoalUpdated => TimelineCategory.Goal,
        TimelineKind.ReviewHeld or TimelineKind.ReviewDateSet => TimelineCategory.Review,
        TimelineKind.AssessmentStarted or TimelineKind.AssessmentSubmitted or TimelineKind.AssessmentReturned or TimelineKind.AssessmentCountersigned => TimelineCategory.Assessment,
        TimelineKind.ContactRecorded => TimelineCategory.ContactSession,
        TimelineKind.PractitionerEntry => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A practitioner's entry has its own category."),
        _ => TimelineCategory.Case,
    };
}
