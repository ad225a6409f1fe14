using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Domain.Work;

/// <summary>How a contact with the child, family or professionals was made.</summary>
public enum ContactKind
{
    HomeVisit,
    School,
    Office,
    Community,
    Phone,
    Video,
    Message,
}

/// <summary>What became of a contact: planned until it is due, then held, missed, cancelled or moved to a new date.</summary>
public enum ContactOutcome
{
    Planned,
    Attended,
    DidNotAttend,
    Cancelled,
    Rearranged,
}

/// <summary>Who called a contact off.</summary>
public enum ContactCancelledBy
{
    Child,
    ParentOrCarer,
    Worker,
    OtherProfessional,
}

/// <summary>A professional from another agency who took part in a contact, named as the worker wrote them.</summary>
public sealed record ContactProfessional(string Name, string Agency);

/// <summary>
/// The details of a contact as recorded or corrected: when (the day as the worker gave it and the moment in UTC), how
/// long, how and where, who took part, which workers, which of the case's goals it served, and what was said.
/// </summary>
public sealed record ContactDetails(
    DateOnly Date,
    DateTime StartsAtUtc,
    int LengthMinutes,
    ContactKind Kind,
    string? Place,
    bool ChildTookPart,
    string? ParentsOrCarers,
    IReadOnlyList<ContactProfessional> Professionals,
    IReadOnlyList<Guid> WorkerIds,
    IReadOnlyList<Guid> GoalIds,
    string? Summary,
    string? SensitiveNotes);

/// <summary>
/// A contact (a session) with the child, the family or professionals, recorded by whoever on the case held it,
/// seconded staff included. The summary is read by everyone on the case, on the timeline too; the sensitive notes only
/// by the team (and the person who wrote them). Planned contacts make "next contact" and rearranging possible.
/// </summary>
public sealed class Contact : Entity
{
    public const int MaxLengthMinutes = 12 * 60;
    public const int PlaceMaxLength = 200;
    public const int ParentsOrCarersMaxLength = 200;
    public const int ProfessionalMaxLength = 200;
    public const int SummaryMaxLength = 2000;
    public const int SensitiveNotesMaxLength = 4000;
    public const int CancelReasonMaxLength = 500;

    private readonly List<ContactWorker> _workers = [];
    private readonly List<ContactGoal> _goals = [];
    private readonly List<ContactPerson> _professionals = [];

    // For EF Core.
    private Contact()
        : base(Guid.Empty)
    {
    }

    private Contact(Guid id, ChildCase forCase, DateTime nowUtc, Guid byUserId)
        : base(id)
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = byUserId;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>The case's team, kept here so need-to-know (whose sensitive notes) is read from the contact's own row.</summary>
    public Guid TeamId { get; private set; }

    public DateTime StartsAtUtc { get; private set; }

    public int LengthMinutes { get; private set; }

    public ContactKind Kind { get; private set; }

    public string? Place { get; private set; }

    public bool ChildTookPart { get; private set; }

    public string? ParentsOrCarers { get; private set; }

    public ContactOutcome Outcome { get; private set; }

    public ContactCancelledBy? CancelledBy { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>The planned contact this one was moved to, when it was rearranged.</summary>
    public Guid? RearrangedToContactId { get; private set; }

    /// <summary>The contact this one replaces, when it was made by rearranging another.</summary>
    public Guid? RearrangedFromContactId { get; private set; }

    public string? Summary { get; private set; }

    public string? SensitiveNotes { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public Guid UpdatedByUserId { get; private set; }

    /// <summary>How many times the contact was corrected after it was recorded (each change is in the audit trail).</summary>
    public int Revision { get; private set; }

    public IReadOnlyCollection<ContactWorker> Workers => _workers;

    public IReadOnlyCollection<ContactGoal> Goals => _goals;

    public IReadOnlyCollection<ContactPerson> Professionals => _professionals;

    /// <summary>Whether the contact has happened (or was missed, cancelled or moved): it is on the timeline from then.</summary>
    public bool IsSettled => Outcome != ContactOutcome.Planned;

    /// <summary>
    /// Records a contact. <paramref name="id"/> is the form's own key, so a second press of the button finds this contact
    /// rather than making another. A contact recorded as rearranged answers with the new planned contact too.
    /// </summary>
    public static (Contact Contact, Contact? Rearranged) Record(
        Guid id, ChildCase forCase, ContactDetails details, ContactOutcome outcome, ContactCancelledBy? cancelledBy, string? cancelReason,
        ContactDetails? rearrangedTo, DateTime nowUtc, Guid byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        ArgumentNullException.ThrowIfNull(details);
        forCase.EnsureOpen("A closed case cannot have new contacts. Reopen it first.");
        if (outcome == ContactOutcome.Planned && details.StartsAtUtc <= nowUtc)
        {
            throw new DomainRuleException("A planned contact must be in the future. Say what happened instead.", "Outcome");
        }

        var contact = new Contact(id, forCase, nowUtc, byUserId);
        contact.Apply(details);
        contact.Outcome = ContactOutcome.Planned;
        var rearranged = outcome == ContactOutcome.Planned ? null : contact.Settle(forCase, details.Date, outcome, cancelledBy, cancelReason, rearrangedTo, nowUtc, byUserId);
        return (contact, rearranged);
    }

    /// <summary>Corrects the details; the outcome is changed with <see cref="SetOutcome"/>.</summary>
    public void Change(ContactDetails details, DateTime nowUtc, Guid byUserId)
    {
        ArgumentNullException.ThrowIfNull(details);
        CheckTime(Outcome, details.StartsAtUtc, nowUtc);
        Apply(details);
        Touch(nowUtc, byUserId);
    }

    /// <summary>
    /// Says what became of the contact, or corrects it. Rearranging makes the new planned contact (answered), with the
    /// same people, place and goals; a rearranged contact stays rearranged, so the new one is the one to change.
    /// </summary>
    public Contact? SetOutcome(ChildCase ofCase, DateOnly date, ContactOutcome outcome, ContactCancelledBy? cancelledBy, string? cancelReason, string? summary, ContactDetails? rearrangedTo, DateTime nowUtc, Guid byUserId)
    {
        ArgumentNullException.ThrowIfNull(ofCase);
        if (Outcome == ContactOutcome.Rearranged)
        {
            throw new DomainRuleException("A rearranged contact stays rearranged: change the contact it was moved to instead.", "Outcome");
        }

        if (outcome == ContactOutcome.Planned)
        {
            throw new DomainRuleException("Say what happened: attended, did not attend, cancelled or rearranged.", "Outcome");
        }

        var wasSettled = IsSettled;
        if (!string.IsNullOrWhiteSpace(summary))
        {
            Summary = summary.Trim();
        }

        var rearranged = Settle(ofCase, date, outcome, cancelledBy, cancelReason, rearrangedTo, nowUtc, byUserId, announce: !wasSettled);
        if (wasSettled)
        {
            Touch(nowUtc, byUserId);
        }

        return rearranged;
    }

    private Contact? Settle(ChildCase ofCase, DateOnly date, ContactOutcome outcome, ContactCancelledBy? cancelledBy, string? cancelReason, ContactDetails? rearrangedTo, DateTime nowUtc, Guid byUserId, bool announce = true)
    {
        CheckTime(outcome, StartsAtUtc, nowUtc);
        if (outcome == ContactOutcome.Attended && string.IsNullOrWhiteSpace(Summary))
        {
            throw new DomainRuleException("Write a short summary of the contact.", "Summary");
        }

        if (outcome == ContactOutcome.Cancelled)
        {
            if (cancelledBy is null)
            {
                throw new DomainRuleException("Say who cancelled the contact.", "CancelledBy");
            }

            if (string.IsNullOrWhiteSpace(cancelReason))
            {
                throw new DomainRuleException("Say why the contact was cancelled.", "CancelReason");
            }
        }

        Contact? rearranged = null;
        if (outcome == ContactOutcome.Rearranged)
        {
            if (rearrangedTo is null || rearrangedTo.StartsAtUtc <= nowUtc)
            {
                throw new DomainRuleException("The new date and time must be in the future.", "NewDay");
            }

            ofCase.EnsureOpen("A closed case cannot have new contacts. Reopen it first.");
            rearranged = new Contact(Guid.NewGuid(), ofCase, nowUtc, byUserId) { Outcome = ContactOutcome.Planned, RearrangedFromContactId = Id };
            rearranged.Apply(this.AsDetails() with { Date = rearrangedTo.Date, StartsAtUtc = rearrangedTo.StartsAtUtc, Summary = null, SensitiveNotes = null });
            RearrangedToContactId = rearranged.Id;
        }

        Outcome = outcome;
        if (outcome == ContactOutcome.Attended && ChildTookPart)
        {
            // The case keeps the day of its latest attended contact for the lists and caseloads (decision 0039).
            ofCase.ContactAttended(date);
        }

        CancelledBy = outcome == ContactOutcome.Cancelled ? cancelledBy : null;
        CancelReason = outcome == ContactOutcome.Cancelled ? cancelReason!.Trim() : null;
        if (announce)
        {
            Record(new ContactEvent(nowUtc, CaseId, ChildId, TimelineKind.ContactRecorded, Id, byUserId, date));
        }

        return rearranged;
    }

    /// <summary>The contact's details as they stand, to start a correction or a rearranged contact from.</summary>
    public ContactDetails AsDetails() => new(
        DateOnly.FromDateTime(StartsAtUtc), StartsAtUtc, LengthMinutes, Kind, Place, ChildTookPart, ParentsOrCarers,
        _professionals.Select(p => new ContactProfessional(p.Name, p.Agency)).ToList(), _workers.Select(w => w.UserId).ToList(),
        _goals.Select(g => g.GoalId).ToList(), Summary, SensitiveNotes);

    private static void CheckTime(ContactOutcome outcome, DateTime startsAtUtc, DateTime nowUtc)
    {
        // A quarter of an hour's grace: the form offers the time now rounded, and a clock a few minutes fast is no lie.
        if (outcome is ContactOutcome.Attended or ContactOutcome.DidNotAttend && startsAtUtc > nowUtc.AddMinutes(15))
        {
            throw new DomainRuleException("A contact that has not happened yet can only be planned, cancelled or rearranged.", "Outcome");
        }
    }

    private void Apply(ContactDetails details)
    {
        if (details.LengthMinutes is < 1 or > MaxLengthMinutes)
        {
            throw new DomainRuleException("The length must be a whole number of minutes from 1 to 720.", "LengthMinutes");
        }

        if (details.WorkerIds.Count == 0)
        {
            throw new DomainRuleException("Choose at least one worker.", "WorkerIds");
        }

        StartsAtUtc = details.StartsAtUtc;
        LengthMinutes = details.LengthMinutes;
        Kind = details.Kind;
        Place = Clean(details.Place);
        ChildTookPart = details.ChildTookPart;
        ParentsOrCarers = Clean(details.ParentsOrCarers);
        Summary = Clean(details.Summary);
        SensitiveNotes = Clean(details.SensitiveNotes);
        _professionals.Clear();
        _professionals.AddRange(details.Professionals.Where(p => !string.IsNullOrWhiteSpace(p.Name))
            .Select((p, i) => new ContactPerson(Id, i + 1, p.Name.Trim(), p.Agency?.Trim() ?? string.Empty)));
        Sync(_workers, details.WorkerIds.Distinct().ToList(), w => w.UserId, userId => new ContactWorker(Id, userId));
        Sync(_goals, details.GoalIds.Distinct().ToList(), g => g.GoalId, goalId => new ContactGoal(Id, goalId));
    }

    // Keeps the rows that stay, so a correction changes only what changed (and the audit trail says only that).
    private static void Sync<T>(List<T> rows, List<Guid> wanted, Func<T, Guid> key, Func<Guid, T> make)
    {
        rows.RemoveAll(r => !wanted.Contains(key(r)));
        rows.AddRange(wanted.Where(w => rows.All(r => key(r) != w)).Select(make));
    }

    private void Touch(DateTime nowUtc, Guid byUserId)
    {
        UpdatedAtUtc = nowUtc;
        UpdatedByUserId = byUserId;
        Revision++;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A worker (a member of the case) who held the contact.</summary>
public sealed class ContactWorker
{
    public ContactWorker(Guid contactId, Guid userId)
    {
        ContactId = contactId;
        UserId = userId;
    }

    public Guid ContactId { get; private set; }

    public Guid UserId { get; private set; }
}

/// <summary>A goal of the case that the contact served.</summary>
public sealed class ContactGoal
{
    public ContactGoal(Guid contactId, Guid goalId)
    {
        ContactId = contactId;
        GoalId = goalId;
    }

    public Guid ContactId { get; private set; }

    public Guid GoalId { get; private set; }
}

/// <summary>A professional of another agency who took part, in the order the worker listed them.</summary>
public sealed class ContactPerson
{
    public ContactPerson(Guid contactId, int position, string name, string agency)
    {
        Id = Guid.NewGuid();
        ContactId = contactId;
        Position = position;
        Name = name;
        Agency = agency;
    }

    public Guid Id { get; private set; }

    public Guid ContactId { get; private set; }

    public int Position { get; private set; }

    public string Name { get; private set; }

    public string Agency { get; private set; }
}

/// <summary>A contact happened (or was missed, cancelled or moved): one entry on the child's timeline, on the contact's day.</summary>
public sealed record ContactEvent(DateTime OccurredAtUtc, Guid CaseIdValue, Guid ChildId, TimelineKind Kind, Guid ContactId, Guid? ByUserId, DateOnly Day)
    : DomainEvent(OccurredAtUtc), ITimelineEvent
{
    public Guid? CaseId => CaseIdValue;

    public string? Detail => ContactId.ToString();

    public DateOnly? OccurredOn => Day;
}
