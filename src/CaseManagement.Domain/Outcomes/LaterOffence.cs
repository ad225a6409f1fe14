using CaseManagement.Domain.Cases;

namespace CaseManagement.Domain.Outcomes;

/// <summary>
/// An offence the team learned of, with its date, type, gravity score and source: evidence the outcome figures are
/// worked out from, never overwritten by the next one (issue 19, point 4).
/// </summary>
public sealed class LaterOffence : Entity
{
    public const int TypeMaxLength = 200;

    // For EF Core.
    private LaterOffence()
        : base(Guid.Empty)
    {
        OffenceType = string.Empty;
    }

    private LaterOffence(ChildCase forCase, string offenceType)
        : base(Guid.NewGuid())
    {
        CaseId = forCase.Id;
        ChildId = forCase.ChildId;
        TeamId = forCase.TeamId;
        OffenceType = offenceType;
    }

    public Guid CaseId { get; private set; }

    public Guid ChildId { get; private set; }

    public Guid TeamId { get; private set; }

    public DateOnly OffenceOn { get; private set; }

    /// <summary>The kind of offence in the words of the source ("theft from a shop").</summary>
    public string OffenceType { get; private set; }

    public int GravityScore { get; private set; }

    public LaterOffenceSource Source { get; private set; }

    public LaterOffenceOutcome Outcome { get; private set; }

    /// <summary>The day the outcome was given; a caution or conviction on this day makes the child a first-time entrant.</summary>
    public DateOnly? OutcomeOn { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public static LaterOffence Record(ChildCase forCase, DateOnly offenceOn, string offenceType, int gravityScore, LaterOffenceSource source, LaterOffenceOutcome outcome, DateOnly? outcomeOn, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(forCase);
        if (string.IsNullOrWhiteSpace(offenceType))
        {
            throw new DomainRuleException("Enter the type of offence.", "OffenceType");
        }

        var today = DateOnly.FromDateTime(nowUtc);
        if (offenceOn > today || outcomeOn > today)
        {
            throw new DomainRuleException("The date must be today or in the past.", outcomeOn > today ? "OutcomeOn" : "OffenceOn");
        }

        if (offenceOn < DateOnly.FromDateTime(forCase.OpenedAtUtc))
        {
            throw new DomainRuleException("A later offence cannot be before the case was opened.", "OffenceOn");
        }

        if (gravityScore is < Disposal.LeastGravity or > Disposal.MostGravity)
        {
            throw new DomainRuleException("The gravity score must be from 1 to 4.", "GravityScore");
        }

        var formal = outcome is LaterOffenceOutcome.YouthCaution or LaterOffenceOutcome.YouthConditionalCaution or LaterOffenceOutcome.Conviction;
        if (formal && outcomeOn is null)
        {
            throw new DomainRuleException("Enter the date of the caution or conviction.", "OutcomeOn");
        }

        if (outcomeOn < offenceOn)
        {
            throw new DomainRuleException("The outcome cannot be before the offence.", "OutcomeOn");
        }

        return new LaterOffence(forCase, offenceType.Trim())
        {
            OffenceOn = offenceOn,
            GravityScore = gravityScore,
            Source = source,
            Outcome = outcome,
            OutcomeOn = outcomeOn,
            RecordedAtUtc = nowUtc,
            RecordedByUserId = byUserId,
        };
    }
}
