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

    /// <summary>The house number or name of the home address (issue 18: matching reads the address as parts).</summary>
    public string? HouseNumberOrName { get; init; }

    /// <summary>The street of the home address.</summary>
    public string? Street { get; init; }

    /// <summary>The town or village of the home address.</summary>
    public string? Town { get; init; }

    /// <summary>The school or college the child attends.</summary>
    public string? School { get; init; }

    /// <summary>The names of the child's parents or carers, one a person.</summary>
    public IReadOnlyList<string> ParentOrCarerNames { get; init; } = [];

    /// <summary>An e-mail address of the child or of a parent or carer.</summary>
    public string? Email { get; init; }

    /// <summary>A telephone number of the child or of a parent or carer.</summary>
    public string? Phone { get; init; }

    /// <summary>Whose <see cref="Email"/> is: the child's own or a parent's or carer's; null when not said.</summary>
    public ContactOwner? EmailOwner { get; init; }

    /// <summary>Whose <see cref="Phone"/> is; null when not said.</summary>
    public ContactOwner? PhoneOwner { get; init; }

    /// <summary>Another identifier of the child (a council's or a service's own number), read with its issuer.</summary>
    public string? OtherIdentifier { get; init; }

    /// <summary>Who issued <see cref="OtherIdentifier"/>: two numbers compare only when the same kind of body issued both.</summary>
    public IdentifierIssuer? OtherIdentifierIssuer { get; init; }

    /// <summary>At most this many parents' or carers' names are kept with a child.</summary>
    public const int MaxParentOrCarerNames = 4;

    /// <summary>
    /// The names as one column: one a line, blanks dropped. A name never holds a line break (the request refuses it),
    /// so splitting gives the list back.
    /// </summary>
    public static string? JoinNames(IEnumerable<string?>? names)
    {
        var kept = (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!.Trim()).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    /// <summary>The names kept by <see cref="JoinNames"/>.</summary>
    public static IReadOnlyList<string> SplitNames(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('\n');

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
