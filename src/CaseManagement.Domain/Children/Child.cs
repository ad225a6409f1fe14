using CaseManagement.Domain.Common;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Domain.Children;

public enum Sex
{
    NotKnown,
    Female,
    Male,
    NotStated,
}

public enum PreferredLanguage
{
    English,
    Welsh,
}

/// <summary>A child or young person known to a team.</summary>
public sealed class Child : Entity
{
    private readonly List<Referral> _referrals = [];

    // For EF Core, which sets the properties from the row.
    private Child()
        : base(Guid.Empty)
    {
        GivenName = string.Empty;
        FamilyName = string.Empty;
    }

    private Child(Guid id, Guid teamId, PersonDetails details, DateTime createdAtUtc)
        : base(id)
    {
        TeamId = teamId;
        GivenName = details.GivenName;
        FamilyName = details.FamilyName;
        PreferredName = details.PreferredName;
        DateOfBirth = details.DateOfBirth;
        Sex = details.Sex;
        Postcode = details.Postcode;
        PreferredLanguage = details.PreferredLanguage;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid TeamId { get; private set; }

    public string GivenName { get; private set; }

    public string FamilyName { get; private set; }

    public string? PreferredName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public Sex Sex { get; private set; }

    public string? Postcode { get; private set; }

    public PreferredLanguage PreferredLanguage { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Every referral linked to this child, from every source.</summary>
    public IReadOnlyCollection<Referral> Referrals => _referrals;

    public static Child Register(Guid teamId, PersonDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Child(Guid.NewGuid(), teamId, details, nowUtc);
    }

    /// <summary>The child's age in whole years on a given day.</summary>
    public int AgeOn(DateOnly day) => PersonDetails.AgeOn(DateOfBirth, day);
}
