using CaseManagement.Domain.Cases;

namespace CaseManagement.Domain.Outcomes;

/// <summary>
/// The incident or behaviour that led to the referral and the out-of-court outcome that followed it, with its date,
/// its gravity score (the Youth Gravity Matrix, 1 to 4) and whether the child completed it; the gravity is what a
/// later offence is weighed against. Where the team runs Turnaround, the programme's eligibility is kept here too.
/// </summary>
public sealed class Disposal : Entity
{
    public const int TextMaxLength = 1000;
    public const int LeastGravity = 1;
    public const int MostGravity = 4;

    // For EF Core.
    private Disposal()
        : base(Guid.Empty)
    {
        Incident = string.Empty;
    }

    private Disposal(ChildCase forCase, string incident)
        : base(Guid.NewGuid())
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        Incident = incident;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    /// <summary>The incident or behaviour, in a sentence.</summary>
    public string Incident { get; private set; }

    /// <summary>The out-of-court outcome; null when the incident led to none (a prevention referral).</summary>
    public OutOfCourtOutcome? Outcome { get; private set; }

    public DateOnly IncidentOn { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public int GravityScore { get; private set; }

    /// <summary>True when the child completed the outcome's conditions or programme, false when not; null while it runs.</summary>
    public bool? Completed { get; private set; }

    /// <summary>The Turnaround trigger event (for example "released under investigation"), where the team runs Turnaround.</summary>
    public string? TurnaroundTrigger { get; private set; }

    /// <summary>The child's age on the trigger event's date: Turnaround takes children aged 10 to 17.</summary>
    public int? TurnaroundAge { get; private set; }

    public DateOnly? TurnaroundTriggerOn { get; private set; }

    public bool TurnaroundEligible => TurnaroundTrigger is not null && TurnaroundAge is >= 10 and <= 17;

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public static Disposal Record(ChildCase forCase, string incident, DateOnly incidentOn, int gravityScore, OutOfCourtOutcome? outcome, DateOnly? outcomeOn, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        if (string.IsNullOrWhiteSpace(incident))
        {
            throw new DomainRuleException("Describe the incident or behaviour.", "Incident");
        }

        var disposal = new Disposal(forCase, incident.Trim());
        disposal.Change(incidentOn, gravityScore, outcome, outcomeOn, nowUtc, byUserId);
        return disposal;
    }

    public void Change(DateOnly incidentOn, int gravityScore, OutOfCourtOutcome? outcome, DateOnly? outcomeOn, DateTime nowUtc, Guid? byUserId)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        if (incidentOn > today || outcomeOn > today)
        {
            throw new DomainRuleException("The date must be today or in the past.", outcomeOn > today ? "OutcomeOn" : "IncidentOn");
        }

        if (gravityScore is < LeastGravity or > MostGravity)
        {
            throw new DomainRuleException("The gravity score must be from 1 to 4.", "GravityScore");
        }

        if (outcome is not null && outcomeOn is null)
        {
            throw new DomainRuleException("Enter the date of the out-of-court outcome.", "OutcomeOn");
        }

        if (outcomeOn < incidentOn)
        {
            throw new DomainRuleException("The outcome cannot be before the incident.", "OutcomeOn");
        }

        (IncidentOn, GravityScore, Outcome, OutcomeOn) = (incidentOn, gravityScore, outcome, outcome is null ? null : outcomeOn);
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }

    public void RecordCompletion(bool completed, DateTime nowUtc, Guid? byUserId)
    {
        if (Outcome is null)
        {
            throw new DomainRuleException("Only an out-of-court outcome can be completed.", "Completed");
        }

        Completed = completed;
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }

    public void RecordTurnaround(string? trigger, DateOnly? triggerOn, DateOnly childBorn, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(trigger))
        {
            (TurnaroundTrigger, TurnaroundTriggerOn, TurnaroundAge) = (null, null, null);
            return;
        }

        if (triggerOn is not { } on || on > DateOnly.FromDateTime(nowUtc))
        {
            throw new DomainRuleException("Enter the date of the trigger event, today or in the past.", "TurnaroundTriggerOn");
        }

        TurnaroundTrigger = trigger.Trim();
        TurnaroundTriggerOn = on;
        TurnaroundAge = on.Year - childBorn.Year - (on < childBorn.AddYears(on.Year - childBorn.Year) ? 1 : 0);
    }
}
