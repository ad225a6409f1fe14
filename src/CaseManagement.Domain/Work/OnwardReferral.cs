using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

/// <summary>The services a child is referred on to (issue 17, point 5).</summary>
public enum OnwardService
{
    EmotionalHealth,
    SubstanceUse,
    SpeechAndLanguage,
    EducationalPsychology,
    EarlyHelp,
    ChildrensServices,
    Housing,
    YouthService,
    Other,
}

/// <summary>Where an onward referral is; worked out from its dates, never stored apart from them.</summary>
public enum OnwardReferralStatus
{
    /// <summary>Referred; the service has not answered yet.</summary>
    AwaitingDecision,

    /// <summary>Accepted; the child waits for the first appointment.</summary>
    AwaitingFirstAppointment,

    /// <summary>The child has been seen (the first appointment took place).</summary>
    Seen,

    Declined,

    Closed,
}

/// <summary>
/// A referral of the child on to another service (CAMHS, substance use, early help, ...): referred, accepted or
/// declined, the first appointment, closed. The wait runs from the day referred to the first appointment; while the
/// child still waits it is the days so far (decision 0037). Outstanding referrals are the case manager's to chase.
/// </summary>
public sealed class OnwardReferral : Entity
{
    public const int TextMaxLength = 1000;
    public const int ServiceNameMaxLength = 200;

    // For EF Core.
    private OnwardReferral()
        : base(Guid.Empty)
    {
    }

    private OnwardReferral(ChildCase forCase, OnwardService service, string? serviceName, DateOnly referredOn, string? reason, DateTime nowUtc, Guid? byUserId, Guid? submissionKey)
        : base(Guid.NewGuid())
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        Service = service;
        ServiceName = serviceName;
        ReferredOn = referredOn;
        Reason = reason;
        CreatedAtUtc = nowUtc;
        CreatedByUserId = byUserId;
        UpdatedAtUtc = nowUtc;
        SubmissionKey = submissionKey;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public OnwardService Service { get; private set; }

    /// <summary>The service's own name (required for <see cref="OnwardService.Other"/>, optional otherwise: "CAMHS Cwm Taf").</summary>
    public string? ServiceName { get; private set; }

    public DateOnly ReferredOn { get; private set; }

    /// <summary>What the child was referred for, in a sentence.</summary>
    public string? Reason { get; private set; }

    /// <summary>True when accepted, false when declined, null while the service has not answered.</summary>
    public bool? Accepted { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateOnly? FirstAppointmentOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? CloseReason { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid? SubmissionKey { get; private set; }

    public OnwardReferralStatus Status =>
        ClosedOn is not null ? OnwardReferralStatus.Closed
        : Accepted == false ? OnwardReferralStatus.Declined
        : FirstAppointmentOn is not null ? OnwardReferralStatus.Seen
        : Accepted == true ? OnwardReferralStatus.AwaitingFirstAppointment
        : OnwardReferralStatus.AwaitingDecision;

    /// <summary>Still to be chased: not declined, not closed, and the child not yet seen.</summary>
    public bool IsOutstanding => ClosedOn is null && Accepted != false && FirstAppointmentOn is null;

    public static OnwardReferral Refer(ChildCase forCase, OnwardService service, string? serviceName, DateOnly referredOn, string? reason, DateTime nowUtc, Guid? byUserId, Guid? submissionKey = null)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        forCase.EnsureOpen("A closed case cannot have new onward referrals. Reopen it first.");
        if (!Enum.IsDefined(service))
        {
            throw new DomainRuleException("Choose the service the child is referred to.", "Service");
        }

        if (service == OnwardService.Other && string.IsNullOrWhiteSpace(serviceName))
        {
            throw new DomainRuleException("Name the service the child is referred to.", "ServiceName");
        }

        NotInTheFuture(referredOn, nowUtc, "The date referred must be today or in the past.", "ReferredOn");
        var referral = new OnwardReferral(forCase, service, Trimmed(serviceName), referredOn, Trimmed(reason), nowUtc, byUserId, submissionKey);
        referral.Happened(TimelineKind.OnwardReferralMade, nowUtc, byUserId);
        return referral;
    }

    /// <summary>The days the child has waited: to the first appointment, or, while still waiting, to today; null once declined or closed unseen.</summary>
    public int? DaysWaited(DateOnly today) =>
        FirstAppointmentOn is { } seen ? seen.DayNumber - ReferredOn.DayNumber
        : IsOutstanding ? Math.Max(0, today.DayNumber - ReferredOn.DayNumber)
        : null;

    public void Accept(ChildCase ofCase, DateOnly on, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        EnsureAwaitingDecision();
        CheckStepDate(on, ReferredOn, nowUtc, "The date accepted cannot be before the date referred.");
        Accepted = true;
        DecidedOn = on;
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.OnwardReferralAccepted, nowUtc, byUserId);
    }

    public void Decline(ChildCase ofCase, DateOnly on, string reason, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        EnsureAwaitingDecision();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason the service declined the referral.", "Reason");
        }

        CheckStepDate(on, ReferredOn, nowUtc, "The date declined cannot be before the date referred.");
        Accepted = false;
        DecidedOn = on;
        DeclineReason = reason.Trim();
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.OnwardReferralDeclined, nowUtc, byUserId);
    }

    /// <summary>The first appointment took place: the wait ends here.</summary>
    public void RecordFirstAppointment(ChildCase ofCase, DateOnly on, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        if (ClosedOn is not null)
        {
            throw new DomainRuleException("This onward referral is closed.", "Status");
        }

        if (Accepted != true)
        {
            throw new DomainRuleException("Record that the service accepted the referral before its first appointment.", "Status");
        }

        if (FirstAppointmentOn is not null)
        {
            throw new DomainRuleException("The first appointment has already been recorded.", "Status");
        }

        CheckStepDate(on, DecidedOn!.Value, nowUtc, "The first appointment cannot be before the referral was accepted.");
        FirstAppointmentOn = on;
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.OnwardReferralFirstAppointment, nowUtc, byUserId);
    }

    /// <summary>Closes the referral: the service's work ended, or the referral is no longer needed (the reason says which).</summary>
    public void Close(ChildCase ofCase, DateOnly on, string? reason, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        if (ClosedOn is not null)
        {
            throw new DomainRuleException("This onward referral is already closed.", "Status");
        }

        CheckStepDate(on, FirstAppointmentOn ?? DecidedOn ?? ReferredOn, nowUtc, "The date closed cannot be before the referral's last step.");
        ClosedOn = on;
        CloseReason = Trimmed(reason);
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.OnwardReferralClosed, nowUtc, byUserId);
    }

    private static void EnsureCaseOpen(ChildCase ofCase)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ofCase.EnsureOpen("The onward referrals of a closed case cannot be changed. Reopen it first.");
    }

    private void EnsureAwaitingDecision()
    {
        if (ClosedOn is not null)
        {
            throw new DomainRuleException("This onward referral is closed.", "Status");
        }

        if (Accepted is not null)
        {
            throw new DomainRuleException("The service's answer has already been recorded.", "Status");
        }
    }

    private static void CheckStepDate(DateOnly on, DateOnly notBefore, DateTime nowUtc, string beforeMessage)
    {
        NotInTheFuture(on, nowUtc, "The date must be today or in the past.", "On");
        if (on < notBefore)
        {
            throw new DomainRuleException(beforeMessage, "On");
        }
    }

    private static void NotInTheFuture(DateOnly on, DateTime nowUtc, string message, string field)
    {
        if (on > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException(message, field);
        }
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Happened(TimelineKind kind, DateTime nowUtc, Guid? byUserId) =>
        Record(new OnwardReferralEvent(nowUtc, CaseId, ChildId, kind, Service, byUserId));
}

/// <summary>A step of an onward referral: the timeline entry names the service.</summary>
public sealed record OnwardReferralEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, OnwardService Service, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;

    public string? Detail => Service.ToString();
}
