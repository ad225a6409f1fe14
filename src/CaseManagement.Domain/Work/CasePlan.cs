using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

/// <summary>The two questions of the child's own plan, answered in their own words.</summary>
public enum MyPlanSection
{
    WhatIWant,
    WhoHelpsMe,
}

public enum PlanActionState
{
    NotStarted,
    InProgress,
    Done,
    Dropped,
}

/// <summary>What stays with the child after the team steps back: a universal service, or a person.</summary>
public enum ExitSupportKind
{
    UniversalService,
    Person,
}

/// <summary>What an action of the professionals' plan says: what, which agency owns it, who (optional), by when.</summary>
public sealed record PlanActionFields(string What, string OwnerAgency, string? OwnerPerson, DateOnly DueOn);

/// <summary>
/// The case's plan in three parts: the child's own plan in their own words, the professionals' plan (actions with an
/// owner agency, a due date and a state; the case's goals sit beside them) and the exit plan (the services and people
/// who stay). The rows are the draft everyone works on; publishing keeps a numbered copy of all three parts and the
/// goals, with who published it and when, so that what was agreed at any time can be read and printed again.
/// </summary>
public sealed class CasePlan : Entity
{
    public const int ShortTextMaxLength = 300;
    public const int TextMaxLength = 500;
    public const int NameMaxLength = 200;

    private readonly List<MyPlanItem> _items = [];
    private readonly List<PlanAction> _actions = [];
    private readonly List<ExitSupport> _exit = [];
    private readonly List<PlanVersion> _versions = [];

    // For EF Core.
    private CasePlan()
        : base(Guid.Empty)
    {
    }

    private CasePlan(Guid caseId, Guid childId, Guid teamId, DateTime nowUtc, Guid? byUserId)
        : base(Guid.NewGuid())
    {
        CaseId = caseId;
        ChildId = childId;
        TeamId = teamId;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = byUserId;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid? UpdatedByUserId { get; private set; }

    /// <summary>The number of the latest published version; 0 while the plan has only ever been a draft.</summary>
    public int PublishedVersion { get; private set; }

    public IReadOnlyCollection<MyPlanItem> Items => _items;

    public IReadOnlyCollection<PlanAction> Actions => _actions;

    public IReadOnlyCollection<ExitSupport> Exit => _exit;

    public IReadOnlyCollection<PlanVersion> Versions => _versions;

    public static CasePlan Start(ChildCase forCase, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        forCase.EnsureOpen("A closed case cannot have a new plan. Reopen it first.");
        return new CasePlan(forCase.Id, forCase.ChildId, forCase.TeamId, nowUtc, byUserId);
    }

    public MyPlanItem AddMyPlanItem(ChildCase ofCase, MyPlanSection section, string text, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        var item = new MyPlanItem(Id, section, Short(text, "Text"), nowUtc);
        _items.Add(item);
        return item;
    }

    public void ChangeMyPlanItem(ChildCase ofCase, Guid itemId, string text, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        Find(_items, itemId, i => i.Id).Text = Short(text, "Text");
    }

    public void RemoveMyPlanItem(ChildCase ofCase, Guid itemId, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        _items.Remove(Find(_items, itemId, i => i.Id));
    }

    /// <summary>
    /// Adds an action to the professionals' plan. Once the assessment has recorded needs, every action says which of
    /// them it answers, so that the plan shows what each need is met with.
    /// </summary>
    public PlanAction AddAction(ChildCase ofCase, PlanActionFields fields, IReadOnlyCollection<AssessedNeed> needs, IReadOnlyCollection<AssessedNeed> assessed, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Change(ofCase, nowUtc, byUserId);
        CheckDue(fields.DueOn, nowUtc);
        var action = new PlanAction(Id, nowUtc, byUserId, null);
        action.Set(fields, NeedsAnswered(needs, assessed));
        _actions.Add(action);
        return action;
    }

    public void ChangeAction(ChildCase ofCase, Guid actionId, PlanActionFields fields, IReadOnlyCollection<AssessedNeed> needs, IReadOnlyCollection<AssessedNeed> assessed, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Change(ofCase, nowUtc, byUserId);
        var action = Find(_actions, actionId, a => a.Id);
        if (fields.DueOn != action.DueOn)
        {
            CheckDue(fields.DueOn, nowUtc);
        }

        action.Set(fields, NeedsAnswered(needs, assessed));
    }

    /// <summary>Moves an action on; dropping one says why, so that a later reader knows it was not simply forgotten.</summary>
    public void SetActionState(ChildCase ofCase, Guid actionId, PlanActionState state, string? droppedReason, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        var action = Find(_actions, actionId, a => a.Id);
        if (state == PlanActionState.Dropped && string.IsNullOrWhiteSpace(droppedReason))
        {
            throw new DomainRuleException("Say why the action was dropped.", "DroppedReason");
        }

        action.Move(state, state == PlanActionState.Dropped ? Text(droppedReason!, TextMaxLength, "DroppedReason") : null, nowUtc);
    }

    /// <summary>
    /// A seconded member of the case moves on an action their own agency owns (the owner agency as the plan names it):
    /// started, done, or not possible with the reason. What the action says, and other agencies' actions, stay the team's.
    /// </summary>
    public void SetOwnAgencyActionState(ChildCase ofCase, Guid actionId, string? agencyName, PlanActionState state, string? reason, DateTime nowUtc, Guid? byUserId)
    {
        var action = Find(_actions, actionId, a => a.Id);
        if (!IsOwnedBy(action.OwnerAgency, agencyName))
        {
            throw new DomainRuleException("You can change the state of your own agency's actions only. Ask the case manager about this one.", "State");
        }

        if (state == PlanActionState.NotStarted)
        {
            throw new DomainRuleException("Say whether the action has started, is done or is not possible.", "State");
        }

        if (state == PlanActionState.Dropped && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why the action is not possible.", "Reason");
        }

        SetActionState(ofCase, actionId, state, reason, nowUtc, byUserId);
    }

    /// <summary>
    /// Whether an action's owner agency, as the plan names it in words, is the practitioner's agency: the plan page offers
    /// seconded staff only these, and <see cref="SetOwnAgencyActionState"/> refuses the rest.
    /// </summary>
    public static bool IsOwnedBy(string ownerAgency, string? agencyName) =>
        agencyName is not null && string.Equals(ownerAgency.Trim(), agencyName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A meeting's decision becomes an action, owned by the agency and due on the date the meeting agreed.</summary>
    public PlanAction ActOnDecision(ChildCase ofCase, MultiAgencyMeeting meeting, Guid decisionId, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.CaseId != CaseId)
        {
            throw new ArgumentException("The meeting is about another case.", nameof(meeting));
        }

        Change(ofCase, nowUtc, byUserId);
        var decision = meeting.Decision(decisionId);
        var action = new PlanAction(Id, nowUtc, byUserId, meeting.Id);
        action.Set(new PlanActionFields(decision.Text, decision.OwnerAgency, decision.OwnerPerson, decision.DueOn), []);
        meeting.Acted(decision, action.Id);
        _actions.Add(action);
        return action;
    }

    public ExitSupport AddExitSupport(ChildCase ofCase, ExitSupportKind kind, UniversalService? service, string? name, string whatTheyDo, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        if (kind == ExitSupportKind.UniversalService && service is null or UniversalService.None)
        {
            throw new DomainRuleException("Choose the service that stays with the child.", "Service");
        }

        if (kind == ExitSupportKind.Person && string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Name the person who stays with the child.", "Name");
        }

        var support = new ExitSupport(
            Id, kind, kind == ExitSupportKind.UniversalService ? service : null, string.IsNullOrWhiteSpace(name) ? null : Text(name, NameMaxLength, "Name"),
            Text(whatTheyDo, TextMaxLength, "WhatTheyDo"), nowUtc);
        _exit.Add(support);
        return support;
    }

    public void RemoveExitSupport(ChildCase ofCase, Guid supportId, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        _exit.Remove(Find(_exit, supportId, s => s.Id));
    }

    /// <summary>The plan as it stands now, with the case's goals: what a new version would keep.</summary>
    public PlanContent Draft(IEnumerable<Goal> goals) => new(
        Section(MyPlanSection.WhatIWant),
        Section(MyPlanSection.WhoHelpsMe),
        GoalsOf(goals.Where(g => g.CaseId == CaseId)),
        _actions.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Select(a => new PlanActionEntry(a.Id, a.What, a.OwnerAgency, a.OwnerPerson, a.DueOn, a.State, a.DroppedReason, Codes(a.NeedList), a.MeetingId)).ToList(),
        _exit.OrderBy(e => e.CreatedAtUtc).ThenBy(e => e.Id).Select(e => new PlanExitEntry(e.Id, e.Kind, e.Service, e.Name, e.WhatTheyDo)).ToList());

    /// <summary>The goals as the plan shows them, in the order they were set.</summary>
    public static IReadOnlyList<PlanGoal> GoalsOf(IEnumerable<Goal> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return goals.OrderBy(g => g.CreatedAtUtc).ThenBy(g => g.Id)
            .Select(g => new PlanGoal(g.Id, g.Description, g.Owner, g.OwnerAgency, g.TargetDate, g.Progress, g.Status, Codes(g.NeedList))).ToList();
    }

    /// <summary>
    /// Publishes the draft as the next version. All three parts must have something in them, a very high rating must
    /// have been countersigned first, and a version must differ from the one before it.
    /// </summary>
    public PlanVersion Publish(ChildCase ofCase, IEnumerable<Goal> goals, Assessment? latestAssessment, DateTime nowUtc, Guid? byUserId)
    {
        Change(ofCase, nowUtc, byUserId);
        if (latestAssessment is { HoldsThePlan: true })
        {
            throw new DomainRuleException("A very high rating must be countersigned before the plan can go ahead.");
        }

        var content = Draft(goals);
        if (content.WhatIWant.Count == 0 && content.WhoHelpsMe.Count == 0)
        {
            throw new DomainRuleException("Add to the child's own plan before publishing: what they want, or who helps them.");
        }

        if (content.Actions.Count == 0)
        {
            throw new DomainRuleException("Add at least one action to the professionals' plan before publishing.");
        }

        if (content.Exit.Count == 0)
        {
            throw new DomainRuleException("Add at least one service or person to the exit plan before publishing.");
        }

        var serialised = content.Serialise();
        var previous = _versions.OrderByDescending(v => v.Number).FirstOrDefault();
        if (previous is not null && previous.Content == serialised)
        {
            throw new DomainRuleException("Nothing has changed since the last version was published.");
        }

        PublishedVersion++;
        var version = new PlanVersion(Id, CaseId, PublishedVersion, serialised, nowUtc, byUserId);
        _versions.Add(version);
        Record(new PlanEvent(nowUtc, CaseId, ChildId, TimelineKind.PlanPublished, PublishedVersion.ToString(CultureInfo.InvariantCulture), byUserId));
        return version;
    }

    /// <summary>Checks the needs a goal or action answers against the needs the assessment recorded.</summary>
    public static IReadOnlyList<AssessedNeed> NeedsAnswered(IReadOnlyCollection<AssessedNeed> needs, IReadOnlyCollection<AssessedNeed> assessed, bool required = true)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(assessed);
        if (needs.Any(n => !assessed.Contains(n)))
        {
            throw new DomainRuleException("Choose needs the child's assessment recorded.", "Needs");
        }

        if (required && needs.Count == 0 && assessed.Count > 0)
        {
            throw new DomainRuleException("Choose the assessed need or needs this answers.", "Needs");
        }

        return needs.Distinct().ToList();
    }

    internal static string Text(string text, int maxLength, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("Enter the text.", field);
        }

        return trimmed.Length > maxLength
            ? throw new DomainRuleException($"The text must be {maxLength} characters or fewer.", field)
            : trimmed;
    }

    private static string Short(string text, string field) => Text(text, ShortTextMaxLength, field);

    private static List<string> Codes(IEnumerable<AssessedNeed> needs) => needs.Select(n => n.Code).Order(StringComparer.Ordinal).ToList();

    private static T Find<T>(List<T> rows, Guid id, Func<T, Guid> idOf) =>
        rows.SingleOrDefault(r => idOf(r) == id) ?? throw new DomainRuleException("That part of the plan is no longer there. Reload the page.");

    private static void CheckDue(DateOnly dueOn, DateTime nowUtc)
    {
        if (dueOn < DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("The due date must be today or in the future.", "DueOn");
        }
    }

    private List<PlanItemEntry> Section(MyPlanSection section) =>
        _items.Where(i => i.Section == section).OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id).Select(i => new PlanItemEntry(i.Id, i.Text)).ToList();

    private void Change(ChildCase ofCase, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        if (ofCase.Id != CaseId)
        {
            throw new ArgumentException("The plan belongs to another case.", nameof(ofCase));
        }

        ofCase.EnsureOpen("The plan of a closed case cannot be changed. Reopen it first.");
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = byUserId;
    }
}

/// <summary>One line of the child's own plan, in their words.</summary>
public sealed class MyPlanItem
{
    // For EF Core.
    private MyPlanItem()
    {
        Text = string.Empty;
    }

    internal MyPlanItem(Guid planId, MyPlanSection section, string text, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Section = section;
        Text = text;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public MyPlanSection Section { get; private set; }

    public string Text { get; internal set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>An action of the professionals' plan: what, owned by which agency (and person), due when, and how far it has got.</summary>
public sealed class PlanAction
{
    // For EF Core.
    private PlanAction()
    {
        What = string.Empty;
        OwnerAgency = string.Empty;
    }

    internal PlanAction(Guid planId, DateTime nowUtc, Guid? byUserId, Guid? meetingId)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        What = string.Empty;
        OwnerAgency = string.Empty;
        State = PlanActionState.NotStarted;
        CreatedAtUtc = nowUtc;
        CreatedByUserId = byUserId;
        StateChangedAtUtc = nowUtc;
        MeetingId = meetingId;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string What { get; private set; }

    public string OwnerAgency { get; private set; }

    public string? OwnerPerson { get; private set; }

    public DateOnly DueOn { get; private set; }

    public PlanActionState State { get; private set; }

    public DateTime StateChangedAtUtc { get; private set; }

    public string? DroppedReason { get; private set; }

    /// <summary>The codes of the assessed needs the action answers (<see cref="AssessedNeed.Join"/>).</summary>
    public string? Needs { get; private set; }

    /// <summary>The multi-agency meeting whose decision this action is; null for an action added to the plan directly.</summary>
    public Guid? MeetingId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public Guid? CreatedByUserId { get; private set; }

    public IReadOnlyList<AssessedNeed> NeedList => AssessedNeed.Split(Needs);

    internal void Set(PlanActionFields fields, IReadOnlyList<AssessedNeed> needs)
    {
        What = CasePlan.Text(fields.What, CasePlan.TextMaxLength, "What");
        OwnerAgency = CasePlan.Text(fields.OwnerAgency, CasePlan.NameMaxLength, "OwnerAgency");
        OwnerPerson = string.IsNullOrWhiteSpace(fields.OwnerPerson) ? null : CasePlan.Text(fields.OwnerPerson, CasePlan.NameMaxLength, "OwnerPerson");
        DueOn = fields.DueOn;
        Needs = AssessedNeed.Join(needs);
    }

    internal void Move(PlanActionState state, string? droppedReason, DateTime nowUtc)
    {
        if (state != State)
        {
            StateChangedAtUtc = nowUtc;
        }

        State = state;
        DroppedReason = droppedReason;
    }
}

/// <summary>A universal service or a person who stays with the child after the team steps back, and what they do.</summary>
public sealed class ExitSupport
{
    // For EF Core.
    private ExitSupport()
    {
        WhatTheyDo = string.Empty;
    }

    internal ExitSupport(Guid planId, ExitSupportKind kind, UniversalService? service, string? name, string whatTheyDo, DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        Kind = kind;
        Service = service;
        Name = name;
        WhatTheyDo = whatTheyDo;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public ExitSupportKind Kind { get; private set; }

    public UniversalService? Service { get; private set; }

    /// <summary>The person's name (a person), or the service's local name (a service, optional: "Llanelli Youth Club").</summary>
    public string? Name { get; private set; }

    public string WhatTheyDo { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

/// <summary>A published version of the plan: its number, who published it and when, and the three parts and goals as they were.</summary>
public sealed class PlanVersion
{
    // For EF Core.
    private PlanVersion()
    {
        Content = string.Empty;
    }

    internal PlanVersion(Guid planId, Guid caseId, int number, string content, DateTime nowUtc, Guid? byUserId)
    {
        Id = Guid.NewGuid();
        PlanId = planId;
        CaseId = caseId;
        Number = number;
        Content = content;
        PublishedAtUtc = nowUtc;
        PublishedByUserId = byUserId;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public Guid CaseId { get; private set; }

    public int Number { get; private set; }

    /// <summary>The plan as published (<see cref="PlanContent"/>, as JSON): a copy, so later changes never rewrite what was agreed.</summary>
    public string Content { get; private set; }

    public DateTime PublishedAtUtc { get; private set; }

    public Guid? PublishedByUserId { get; private set; }

    public PlanContent Read() => PlanContent.Deserialise(Content);
}

/// <summary>The three parts of the plan and its goals, as a version keeps them; needs are their codes.</summary>
public sealed record PlanContent(
    IReadOnlyList<PlanItemEntry> WhatIWant,
    IReadOnlyList<PlanItemEntry> WhoHelpsMe,
    IReadOnlyList<PlanGoal> Goals,
    IReadOnlyList<PlanActionEntry> Actions,
    IReadOnlyList<PlanExitEntry> Exit)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string Serialise() => JsonSerializer.Serialize(this, Json);

    public static PlanContent Empty(IEnumerable<Goal> goals) => new([], [], CasePlan.GoalsOf(goals), [], []);

    public static PlanContent Deserialise(string json) => JsonSerializer.Deserialize<PlanContent>(json, Json) ?? throw new InvalidOperationException("A plan version has no content.");
}

public sealed record PlanItemEntry(Guid Id, string Text);

public sealed record PlanGoal(Guid Id, string Description, GoalOwner Owner, string? OwnerAgency, DateOnly? TargetDate, int Progress, GoalStatus Status, IReadOnlyList<string> Needs);

public sealed record PlanActionEntry(Guid Id, string What, string OwnerAgency, string? OwnerPerson, DateOnly DueOn, PlanActionState State, string? DroppedReason, IReadOnlyList<string> Needs, Guid? MeetingId);

public sealed record PlanExitEntry(Guid Id, ExitSupportKind Kind, UniversalService? Service, string? Name, string WhatTheyDo);

/// <summary>A version of the plan was published (the entry names its number), or a meeting was held (its kind).</summary>
public sealed record PlanEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, string? Detail, Guid? ByUserId)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;
}
