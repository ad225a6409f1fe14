namespace CaseManagement.Domain.Children;

/// <summary>The details of a child as a referrer gave them.</summary>
public sealed record PersonDetails(
    string GivenName,
    string FamilyName,
    string? PreferredName,
    DateOnly DateOfBirth,
    Sex Sex,
    string? Postcode,
    PreferredLanguage PreferredLanguage)
{
    /// <summary>NHS number as given (checked and normalised by matching, not here).</summary>
    public string? NhsNumber { get; init; }

    /// <summary>Unique pupil number as given.</summary>
    public string? UniquePupilNumber { get; init; }

    /// <summary>Police National Computer identifier as given.</summary>
    public string? PncId { get; init; }

    /// <summary>The youngest and oldest ages the prevention service works with.</summary>
    public const int YoungestAge = 8;

    public const int OldestAge = 17;

    /// <summary>Whole years on <paramref name="day"/>; a child born on 29 February turns a year older on 1 March in other years, as in UK law.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (day.Month < dateOfBirth.Month || (day.Month == dateOfBirth.Month && day.Day < dateOfBirth.Day))
        {
            age--;
        }

        return age;
    }
}
