namespace CaseManagement.Domain.Work;

/// <summary>
/// A kept figure (decision 0056): how many of a team's contacts on one day (in UTC) the child attended or missed, by
/// the case manager their case has now. <c>/team/work</c> adds up these rows instead of counting a year of contacts.
/// The save that records, corrects or moves a contact, or reallocates a case, changes these rows in the same
/// transaction; nothing else writes them. <see cref="NoCaseManager"/> stands for a case with nobody allocated.
/// </summary>
public sealed class TeamAttendanceDay
{
    /// <summary>The case manager of the contacts of cases nobody holds (a key column cannot be empty).</summary>
    public static readonly Guid NoCaseManager = Guid.Empty;

    // For EF Core.
    private TeamAttendanceDay()
    {
    }

    public Guid TeamId { get; private set; }

    public Guid CaseManagerUserId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Attended { get; private set; }

    public int DidNotAttend { get; private set; }

    /// <summary>The day a contact counts on, and whether it counts at all: only the ones the child was expected at.</summary>
    public static DateOnly? CountedOn(ContactOutcome outcome, DateTime startsAtUtc) =>
        outcome is ContactOutcome.Attended or ContactOutcome.DidNotAttend ? DateOnly.FromDateTime(startsAtUtc) : null;
}
