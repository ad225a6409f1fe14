namespace CaseManagement.Application.Outcomes;

/// <summary>
/// First-time entrants by the national definition (decision 0048): children aged 10 to 17 who receive their first
/// youth caution, youth conditional caution or court conviction. The day that counts is the day of the first of these
/// the team knows of, from the child's disposals and later offences together; community resolutions, youth restorative
/// disposals and outcome 22 are not formal outcomes and never make a first-time entrant.
/// </summary>
public static class FirstTimeEntrants
{
    public const int YoungestAge = 10;
    public const int OldestAge = 17;

    /// <summary>The day the child entered the justice system, or null when they have not (or were not 10 to 17 that day).</summary>
    public static DateOnly? EnteredOn(DateOnly bornOn, IEnumerable<DateOnly> formalOutcomesOn)
    {
        ArgumentNullException.ThrowIfNull(formalOutcomesOn);
        var first = formalOutcomesOn.Order().Cast<DateOnly?>().FirstOrDefault();
        if (first is not { } day)
        {
            return null;
        }

        var age = day.Year - bornOn.Year - (day < bornOn.AddYears(day.Year - bornOn.Year) ? 1 : 0);
        return age is >= YoungestAge and <= OldestAge ? day : null;
    }
}
