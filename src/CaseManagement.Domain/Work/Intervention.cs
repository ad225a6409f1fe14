using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

/// <summary>Where an intervention is: planned (offered), started, completed, or stopped before the end with a reason.</summary>
public enum InterventionStatus
{
    Planned,
    Started,
    Completed,
    Stopped,
}

/// <summary>
/// An intervention offered to the child and delivered by the team or a partner: its kind (from the team's list), its
/// provider (an agency of the system, or an organisation named in words), planned and actual dates, and where it is.
/// Sessions offered and attended are counted from the contacts that served it, never typed in (decision 0037).
/// </summary>
public sealed class Intervention : Entity
{
    public const int ProviderNameMaxLength = 200;
    public const int ReasonMaxLength = 1000;

    private readonly List<InterventionGoal> _goals = [];
    private readonly List<InterventionSession> _sessions = [];

    // For EF Core.
    private Intervention()
        : base(Guid.Empty)
    {
    }

    private Intervention(ChildCase forCase, Guid kindId, DateTime nowUtc, Guid? byUserId, Guid? submissionKey)
        : base(Guid.NewGuid())
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        KindId = kindId;
        Status = InterventionStatus.Planned;
        CreatedAtUtc = nowUtc;
        CreatedByUserId = byUserId;
        UpdatedAtUtc = nowUtc;
        SubmissionKey = submissionKey;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public Guid KindId { get; private set; }

    /// <summary>The agency of the system that delivers it; null when <see cref="ProviderName"/> names an organisation instead.</summary>
    public Guid? ProviderAgencyId { get; private set; }

    public string? ProviderName { get; private set; }

    public DateOnly? PlannedStart { get; private set; }

    public DateOnly? PlannedEnd { get; private set; }

    public DateOnly? ActualStart { get; private set; }

    public DateOnly? ActualEnd { get; private set; }

    public InterventionStatus Status { get; private set; }

    public string? StopReason { get; private set; }

    /// <summary>The assessed needs it answers, as their codes (<see cref="AssessedNeed.Join"/>); null for none named.</summary>
    public string? Needs { get; private set; }

    public IReadOnlyList<AssessedNeed> NeedList => AssessedNeed.Split(Needs);

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The key of the form or request that recorded it: a second send of the same form finds this one.</summary>
    public Guid? SubmissionKey { get; private set; }

    /// <summary>The goals of the child's plan this intervention answers.</summary>
    public IReadOnlyCollection<InterventionGoal> Goals => _goals;

    /// <summary>The contacts of the case that were sessions of this intervention.</summary>
    public IReadOnlyCollection<InterventionSession> Sessions => _sessions;

    /// <summary>
    /// Sessions offered and attended, from the outcomes of its contacts (decision 0037): offered are those held, missed,
    /// or called off by the child or family; attended are those held. A planned contact is not yet a session, and one
    /// the service called off or moved was not offered (the new date is a contact of its own).
    /// </summary>
    public static (int Offered, int Attended) CountSessions(IEnumerable<(ContactOutcome Outcome, ContactCancelledBy? CancelledBy)> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        var offered = 0;
        var attended = 0;
        foreach (var (outcome, cancelledBy) in contacts)
        {
            if (outcome is ContactOutcome.Attended or ContactOutcome.DidNotAttend
                || (outcome == ContactOutcome.Cancelled && cancelledBy is ContactCancelledBy.Child or ContactCancelledBy.ParentOrCarer))
            {
                offered++;
            }

            if (outcome == ContactOutcome.Attended)
            {
                attended++;
            }
        }

        return (offered, attended);
    }

    /// <summary>Says which contacts of the case were sessions of this intervention.</summary>
    public void SetSessions(ChildCase ofCase, IReadOnlyCollection<Contact> contacts, DateTime nowUtc)
    {
        EnsureCaseOpen(ofCase);
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Any(c => c.CaseId != CaseId))
        {
            throw new DomainRuleException("Choose contacts of this child's case.", "ContactIds");
        }

        var ids = contacts.Select(c => c.Id).ToHashSet();
        _sessions.RemoveAll(s => !ids.Contains(s.ContactId));
        foreach (var id in ids.Where(id => _sessions.All(s => s.ContactId != id)))
        {
            _sessions.Add(new InterventionSession(Id, id));
        }

        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Whether a contact may be newly linked to it from the contact form: only while it is planned or running.</summary>
    public bool TakesSessions => Status is InterventionStatus.Planned or InterventionStatus.Started;

    /// <summary>
    /// Links one contact of the case as a session, from the contact's side (the contact form). A new link is to an
    /// intervention that is planned or started; a link made earlier stays when the intervention has ended since.
    /// </summary>
    public void AddSession(ChildCase ofCase, Contact contact, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (_sessions.Any(s => s.ContactId == contact.Id))
        {
            return;
        }

        EnsureCaseOpen(ofCase);
        if (contact.CaseId != CaseId)
        {
            throw new DomainRuleException("Choose interventions of this child's case.", "InterventionIds");
        }

        if (!TakesSessions)
        {
            throw new DomainRuleException("Choose interventions that are planned or started.", "InterventionIds");
        }

        _sessions.Add(new InterventionSession(Id, contact.Id));
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Unlinks one contact, from the contact's side: it was not a session of this intervention after all.</summary>
    public void RemoveSession(ChildCase ofCase, Guid contactId, DateTime nowUtc)
    {
        if (_sessions.All(s => s.ContactId != contactId))
        {
            return;
        }

        EnsureCaseOpen(ofCase);
        _sessions.RemoveAll(s => s.ContactId == contactId);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Offers an intervention of one of the team's kinds (not a retired one), from one provider, planned for dates in
    /// order, answering goals of the plan and needs the child's assessment recorded (<paramref name="assessed"/>).
    /// </summary>
    public static Intervention Offer(ChildCase forCase, InterventionKind kind, InterventionPlan plan, IReadOnlyCollection<AssessedNeed> assessed, DateTime nowUtc, Guid? byUserId, Guid? submissionKey = null)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        ArgumentNullException.ThrowIfNull(kind);
        forCase.EnsureOpen("A closed case cannot have new interventions. Reopen it first.");
        if (kind.TeamId != forCase.TeamId || kind.IsRetired)
        {
            throw new DomainRuleException("Choose a kind of intervention the team offers.", "KindId");
        }

        var intervention = new Intervention(forCase, kind.Id, nowUtc, byUserId, submissionKey);
        intervention.SetPlan(plan, assessed);
        intervention.Happened(TimelineKind.InterventionPlanned, nowUtc, byUserId);
        return intervention;
    }

    /// <summary>Changes the provider, the planned dates, goals and needs (not the kind: a different kind is a different intervention).</summary>
    public void ChangePlan(ChildCase ofCase, InterventionPlan plan, IReadOnlyCollection<AssessedNeed> assessed, DateTime nowUtc)
    {
        EnsureCaseOpen(ofCase);
        SetPlan(plan, assessed);
        UpdatedAtUtc = nowUtc;
    }

    public void Start(ChildCase ofCase, DateOnly on, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        if (Status != InterventionStatus.Planned)
        {
            throw new DomainRuleException("Only a planned intervention can be started.", "Status");
        }

        NotInTheFuture(on, nowUtc, "The start date must be today or in the past.");
        ActualStart = on;
        Status = InterventionStatus.Started;
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.InterventionStarted, nowUtc, byUserId);
    }

    public void Complete(ChildCase ofCase, DateOnly on, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        if (Status == InterventionStatus.Planned)
        {
            throw new DomainRuleException("An intervention cannot be completed before it has started.", "Status");
        }

        if (Status != InterventionStatus.Started)
        {
            throw new DomainRuleException("This intervention has already ended.", "Status");
        }

        NotInTheFuture(on, nowUtc, "The end date must be today or in the past.");
        if (on < ActualStart)
        {
            throw new DomainRuleException("The end date cannot be before the intervention started.", "On");
        }

        ActualEnd = on;
        Status = InterventionStatus.Completed;
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.InterventionCompleted, nowUtc, byUserId);
    }

    /// <summary>Stops a planned or started intervention before its end (the child declined, moved away, ...), with the reason.</summary>
    public void Stop(ChildCase ofCase, DateOnly on, string reason, DateTime nowUtc, Guid? byUserId)
    {
        EnsureCaseOpen(ofCase);
        if (Status is InterventionStatus.Completed or InterventionStatus.Stopped)
        {
            throw new DomainRuleException("This intervention has already ended.", "Status");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give the reason the intervention stopped.", "Reason");
        }

        NotInTheFuture(on, nowUtc, "The end date must be today or in the past.");
        if (ActualStart is { } started && on < started)
        {
            throw new DomainRuleException("The end date cannot be before the intervention started.", "On");
        }

        ActualEnd = on;
        StopReason = reason.Trim();
        Status = InterventionStatus.Stopped;
        UpdatedAtUtc = nowUtc;
        Happened(TimelineKind.InterventionStopped, nowUtc, byUserId);
    }

    private void SetProvider(Guid? providerAgencyId, string? providerName)
    {
        var named = !string.IsNullOrWhiteSpace(providerName);
        if (providerAgencyId is null == !named)
        {
            throw new DomainRuleException("Choose the agency that provides the intervention, or name the organisation.", "ProviderAgencyId");
        }

        ProviderAgencyId = providerAgencyId;
        ProviderName = named ? providerName!.Trim() : null;
    }

    private void SetPlan(InterventionPlan plan, IReadOnlyCollection<AssessedNeed> assessed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.PlannedStart is { } start && plan.PlannedEnd is { } end && end < start)
        {
            throw new DomainRuleException("The planned end cannot be before the planned start.", "PlannedEnd");
        }

        SetProvider(plan.ProviderAgencyId, plan.ProviderName);
        PlannedStart = plan.PlannedStart;
        PlannedEnd = plan.PlannedEnd;
        SetGoals(plan.GoalIds);
        Needs = AssessedNeed.Join(CasePlan.NeedsAnswered(plan.Needs, assessed, required: false));
    }

    private void SetGoals(IReadOnlyCollection<Guid> goalIds)
    {
        ArgumentNullException.ThrowIfNull(goalIds);
        _goals.RemoveAll(g => !goalIds.Contains(g.GoalId));
        foreach (var goalId in goalIds.Distinct().Where(id => _goals.All(g => g.GoalId != id)))
        {
            _goals.Add(new InterventionGoal(Id, goalId));
        }
    }

    private static void EnsureCaseOpen(ChildCase ofCase)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ofCase.EnsureOpen("The interventions of a closed case cannot be changed. Reopen it first.");
    }

    private static void NotInTheFuture(DateOnly on, DateTime nowUtc, string message)
    {
        if (on > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException(message, "On");
        }
    }

    private void Happened(TimelineKind kind, DateTime nowUtc, Guid? byUserId) =>
        Record(new InterventionEvent(nowUtc, CaseId, ChildId, kind, KindId, byUserId));
}

/// <summary>What is planned of an intervention: who provides it, when, and the goals and assessed needs it answers.</summary>
public sealed record InterventionPlan(Guid? ProviderAgencyId, string? ProviderName, DateOnly? PlannedStart, DateOnly? PlannedEnd, IReadOnlyCollection<Guid> GoalIds, IReadOnlyCollection<AssessedNeed> Needs);

/// <summary>A contact that was a session of an intervention.</summary>
public sealed class InterventionSession
{
    public InterventionSession(Guid interventionId, Guid contactId)
    {
        InterventionId = interventionId;
        ContactId = contactId;
    }

    public Guid InterventionId { get; private set; }

    public Guid ContactId { get; private set; }
}

/// <summary>A goal of the child's plan that an intervention answers.</summary>
public sealed class InterventionGoal
{
    public InterventionGoal(Guid interventionId, Guid goalId)
    {
        InterventionId = interventionId;
        GoalId = goalId;
    }

    public Guid InterventionId { get; private set; }

    public Guid GoalId { get; private set; }
}

/// <summary>An intervention was planned, started, completed or stopped: the timeline entry names its kind (by id, read in the page's language).</summary>
public sealed record InterventionEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, Guid KindId, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;

    public string? Detail => KindId.ToString();
}
