namespace CaseManagement.Domain.Organisation;

/// <summary>A prevention team of a youth offending service: it owns children's cases.</summary>
public sealed class Team : Entity
{
    private Team(Guid id, string name, Guid agencyId)
        : base(id)
    {
        Name = name;
        AgencyId = agencyId;
    }

    public string Name { get; private set; }

    public Guid AgencyId { get; private set; }

    /// <summary>How often the team reviews each child's plan; six weeks unless the administrator sets otherwise.</summary>
    public int ReviewIntervalDays { get; private set; } = DefaultReviewIntervalDays;

    public const int DefaultReviewIntervalDays = 42;

    public void SetReviewInterval(int days)
    {
        if (days is < 7 or > 182)
        {
            throw new Common.DomainRuleException("The review interval must be between 7 and 182 days.");
        }

        ReviewIntervalDays = days;
    }

    /// <summary>
    /// How many days a case may go without a contact the child attended before the lists and caseloads flag it; three
    /// weeks unless a team manager sets otherwise (decision 0039).
    /// </summary>
    public int NoContactFlagDays { get; private set; } = DefaultNoContactFlagDays;

    public const int DefaultNoContactFlagDays = 21;

    public const int MostNoContactFlagDays = 90;

    public void SetNoContactFlag(int days)
    {
        if (days is < 1 or > MostNoContactFlagDays)
        {
            throw new Common.DomainRuleException("The number of days must be a whole number from 1 to 90.", "Days");
        }

        NoContactFlagDays = days;
    }

    /// <summary>
    /// How many months after a case closes the team looks for later offending before it settles the case's outcome;
    /// twelve unless a team manager sets otherwise (issue 19).
    /// </summary>
    public int OutcomeFollowUpMonths { get; private set; } = DefaultOutcomeFollowUpMonths;

    public const int DefaultOutcomeFollowUpMonths = 12;

    public void SetOutcomeFollowUp(int months)
    {
        if (months is < 1 or > 36)
        {
            throw new Common.DomainRuleException("The follow-up must be a whole number of months from 1 to 36.", "Months");
        }

        OutcomeFollowUpMonths = months;
    }

    public static Team Create(string name, Guid agencyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Team(Guid.NewGuid(), name.Trim(), agencyId);
    }
}
