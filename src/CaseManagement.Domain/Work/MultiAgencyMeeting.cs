using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

public enum MeetingKind
{
    Planning,
    Review,
    StrategyOrSafety,
    Exit,
    Other,
}

/// <summary>Someone invited to the meeting: their name, agency and role, and whether they sent apologies instead of coming.</summary>
public sealed record MeetingAttendeeInput(string Name, string Agency, string? Role, bool SentApologies);

/// <summary>What the meeting decided, who owns it and by when.</summary>
public sealed record MeetingDecisionInput(string Text, string OwnerAgency, string? OwnerPerson, DateOnly DueOn);

/// <summary>
/// A multi-agency meeting about the child: when, what kind, who came from which agency (and who sent apologies), the
/// child's and family's views, and what was decided. Each decision can become an action of the professionals' plan,
/// once; the meeting is on the child's timeline.
/// </summary>
public sealed class MultiAgencyMeeting : Entity
{
    public const int ViewMaxLength = 4000;

    private readonly List<MeetingAttendee> _attendees = [];
    private readonly List<MeetingDecision> _decisions = [];

    // For EF Core.
    private MultiAgencyMeeting()
        : base(Guid.Empty)
    {
    }

    private MultiAgencyMeeting(Guid caseId, Guid childId, DateOnly heldOn, MeetingKind kind, DateTime nowUtc, Guid? byUserId)
        : base(Guid.NewGuid())
    {
        CaseId = caseId;
        ChildId = childId;
        HeldOn = heldOn;
        Kind = kind;
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string? ChildView { get; private set; }

    public string? FamilyView { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public IReadOnlyCollection<MeetingAttendee> Attendees => _attendees;

    public IReadOnlyCollection<MeetingDecision> Decisions => _decisions;

    /// <summary>Records the minutes of a meeting held today or before, with at least one person who came.</summary>
    public static MultiAgencyMeeting Record(
        ChildCase ofCase,
        DateOnly heldOn,
        MeetingKind kind,
        IReadOnlyList<MeetingAttendeeInput> attendees,
        string? childView,
        string? familyView,
        IReadOnlyList<MeetingDecisionInput> decisions,
        DateTime nowUtc,
        Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        ArgumentNullException.ThrowIfNull(attendees);
        ArgumentNullException.ThrowIfNull(decisions);
        ofCase.EnsureOpen("A closed case cannot have new meetings. Reopen it first.");
        if (heldOn > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The date of the meeting must be today or in the past.", "HeldOn");
        }

        if (!attendees.Any(a => !a.SentApologies))
        {
            throw new DomainRuleException("Name at least one person who came to the meeting.", "Attendees");
        }

        var meeting = new MultiAgencyMeeting(ofCase.Id, ofCase.ChildId, heldOn, kind, nowUtc, byUserId)
        {
            ChildView = View(childView, "ChildView"),
            FamilyView = View(familyView, "FamilyView"),
        };
        foreach (var attendee in attendees)
        {
            meeting._attendees.Add(new MeetingAttendee(
                meeting.Id, meeting._attendees.Count + 1, CasePlan.Text(attendee.Name, CasePlan.NameMaxLength, "Attendees"),
                CasePlan.Text(attendee.Agency, CasePlan.NameMaxLength, "Attendees"),
                string.IsNullOrWhiteSpace(attendee.Role) ? null : CasePlan.Text(attendee.Role, CasePlan.NameMaxLength, "Attendees"), attendee.SentApologies));
        }

        foreach (var decision in decisions)
        {
            meeting._decisions.Add(new MeetingDecision(
                meeting.Id, meeting._decisions.Count + 1, CasePlan.Text(decision.Text, CasePlan.TextMaxLength, "Decisions"),
                CasePlan.Text(decision.OwnerAgency, CasePlan.NameMaxLength, "Decisions"),
                string.IsNullOrWhiteSpace(decision.OwnerPerson) ? null : CasePlan.Text(decision.OwnerPerson, CasePlan.NameMaxLength, "Decisions"), decision.DueOn));
        }

        meeting.Record(new PlanEvent(nowUtc, meeting.CaseId, meeting.ChildId, TimelineKind.MeetingHeld, kind.ToString(), byUserId));
        return meeting;
    }

    public MeetingDecision Decision(Guid decisionId) =>
        _decisions.SingleOrDefault(d => d.Id == decisionId) ?? throw new DomainRuleException("That decision is not one of this meeting's.");

    internal void Acted(MeetingDecision decision, Guid actionId)
    {
        if (!_decisions.Contains(decision))
        {
            throw new ArgumentException("The decision is another meeting's.", nameof(decision));
        }

        if (decision.ActionId is not null)
        {
            throw new DomainRuleException("This decision is already an action of the plan.");
        }

        decision.ActionId = actionId;
    }

    private static string? View(string? view, string field) => string.IsNullOrWhiteSpace(view) ? null : CasePlan.Text(view, ViewMaxLength, field);
}

public sealed class MeetingAttendee
{
    // For EF Core.
    private MeetingAttendee()
    {
        Name = string.Empty;
        Agency = string.Empty;
    }

    internal MeetingAttendee(Guid meetingId, int number, string name, string agency, string? role, bool sentApologies)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        Number = number;
        Name = name;
        Agency = agency;
        Role = role;
        SentApologies = sentApologies;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    /// <summary>The order the minutes list them in.</summary>
    public int Number { get; private set; }

    public string Name { get; private set; }

    public string Agency { get; private set; }

    public string? Role { get; private set; }

    public bool SentApologies { get; private set; }
}

public sealed class MeetingDecision
{
    // For EF Core.
    private MeetingDecision()
    {
        Text = string.Empty;
        OwnerAgency = string.Empty;
    }

    internal MeetingDecision(Guid meetingId, int number, string text, string ownerAgency, string? ownerPerson, DateOnly dueOn)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        Number = number;
        Text = text;
        OwnerAgency = ownerAgency;
        OwnerPerson = ownerPerson;
        DueOn = dueOn;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public int Number { get; private set; }

    public string Text { get; private set; }

    public string OwnerAgency { get; private set; }

    public string? OwnerPerson { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>The plan action the decision became; null until then.</summary>
    public Guid? ActionId { get; internal set; }
}
