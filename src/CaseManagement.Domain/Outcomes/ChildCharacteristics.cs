namespace CaseManagement.Domain.Outcomes;

/// <summary>
/// A child's protected characteristics, kept so the team can see whether waiting and outcomes differ between groups.
/// Special-category data (UK GDPR article 9): only the roles that need them read them, every read is audited, and the
/// audit trail records that they changed, never what they are (decision 0049).
/// </summary>
public sealed class ChildCharacteristics
{
    // For EF Core.
    private ChildCharacteristics()
    {
    }

    public Guid ChildId { get; private set; }

    public Ethnicity Ethnicity { get; private set; }

    public CharacteristicAnswer Disability { get; private set; }

    /// <summary>Whether the child's gender is the same as their sex (which the child's own record holds, from the referral).</summary>
    public CharacteristicAnswer GenderSameAsSex { get; private set; }

    public CharacteristicAnswer CareExperienced { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }

    public Guid? RecordedByUserId { get; private set; }

    public static ChildCharacteristics For(Guid childId) => new() { ChildId = childId };

    public void Set(Ethnicity ethnicity, CharacteristicAnswer disability, CharacteristicAnswer genderSameAsSex, CharacteristicAnswer careExperienced, DateTime nowUtc, Guid? byUserId)
    {
        if (!Enum.IsDefined(ethnicity) || !Enum.IsDefined(disability) || !Enum.IsDefined(genderSameAsSex) || !Enum.IsDefined(careExperienced))
        {
            throw new DomainRuleException("Answer every question; \"prefers not to say\" is an answer.");
        }

        (Ethnicity, Disability, GenderSameAsSex, CareExperienced) = (ethnicity, disability, genderSameAsSex, careExperienced);
        RecordedAtUtc = nowUtc;
        RecordedByUserId = byUserId;
    }
}
