namespace CaseManagement.Domain.Organisation;

public enum AgencyKind
{
    Police,
    Health,
    Education,
    SocialCare,
    YouthOffendingService,
    ThirdSector,
}

/// <summary>An organisation whose staff use the system or send referrals to it.</summary>
public sealed class Agency : Entity
{
    private Agency(Guid id, string name, AgencyKind kind)
        : base(id)
    {
        Name = name;
        Kind = kind;
    }

    public string Name { get; private set; }

    public AgencyKind Kind { get; private set; }

    public static Agency Create(string name, AgencyKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Agency(Guid.NewGuid(), name.Trim(), kind);
    }
}
