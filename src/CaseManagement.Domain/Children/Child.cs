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

/// <summary>Who issued a child's "other identifier" (issue 18): the kind of body, as partners' systems name it.</summary>
public enum IdentifierIssuer
{
    /// <summary>A council's children's services (a social care record number).</summary>
    LocalAuthority,

    /// <summary>A youth justice service's case management system.</summary>
    YouthJusticeService,

    /// <summary>A police force's own records (not the PNC ID, which has its own field).</summary>
    Police,

    /// <summary>A health board or hospital (not the NHS number, which has its own field).</summary>
    Health,

    /// <summary>A school or the education service (not the unique pupil number, which has its own field).</summary>
    Education,

    /// <summary>The Home Office (an unaccompanied child's reference).</summary>
    HomeOffice,
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
        NhsNumber = details.NhsNumber;
        UniquePupilNumber = details.UniquePupilNumber;
        PncId = details.PncId;
        SetEvidence(
            details.HouseNumberOrName, details.Street, details.Town, details.School, details.ParentOrCarerNames,
            details.Email, details.Phone, details.OtherIdentifier, details.OtherIdentifierIssuer);
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

    public string? NhsNumber { get; private set; }

    public string? UniquePupilNumber { get; private set; }

    public string? PncId { get; private set; }

    public string? HouseNumberOrName { get; private set; }

    public string? Street { get; private set; }

    public string? Town { get; private set; }

    public string? School { get; private set; }

    /// <summary>The parents' or carers' names, one a line (<see cref="PersonDetails.SplitNames"/> reads them).</summary>
    public string? ParentOrCarerNames { get; private set; }

    /// <summary>An e-mail address of the child or of a parent or carer.</summary>
    public string? Email { get; private set; }

    /// <summary>A telephone number of the child or of a parent or carer.</summary>
    public string? Phone { get; private set; }

    public string? OtherIdentifier { get; private set; }

    public IdentifierIssuer? OtherIdentifierIssuer { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Set when this record was found to be the same child as another and merged into it; the record is kept, so a merge can be undone.</summary>
    public Guid? MergedIntoChildId { get; private set; }

    public DateTime? MergedAtUtc { get; private set; }

    /// <summary>Every referral linked to this child, from every source.</summary>
    public IReadOnlyCollection<Referral> Referrals => _referrals;

    public static Child Register(Guid teamId, PersonDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new Child(Guid.NewGuid(), teamId, details, nowUtc);
    }

    /// <summary>Marks this record as merged into <paramref name="survivorId"/>: the same child, recorded twice.</summary>
    public void MergeInto(Guid survivorId, DateTime nowUtc)
    {
        if (survivorId == Id)
        {
            throw new DomainRuleException("A child's record cannot be merged into itself.");
        }

        if (MergedIntoChildId is not null)
        {
            throw new DomainRuleException("This child's record has already been merged into another.");
        }

        MergedIntoChildId = survivorId;
        MergedAtUtc = nowUtc;
    }

    /// <summary>Undoes <see cref="MergeInto"/>: the record stands on its own again.</summary>
    public void UndoMerge(DateTime nowUtc)
    {
        if (MergedIntoChildId is null)
        {
            throw new DomainRuleException("This child's record is not merged.");
        }

        MergedIntoChildId = null;
        MergedAtUtc = null;
    }

    /// <summary>
    /// Corrects the child's details when they are wrong (issue 20, rectification; decision 0052). The reason is recorded
    /// with the change in the audit trail by the request that makes it.
    /// </summary>
    public void Correct(string givenName, string familyName, string? preferredName, DateOnly dateOfBirth, string? postcode)
    {
        if (string.IsNullOrWhiteSpace(givenName) || string.IsNullOrWhiteSpace(familyName))
        {
            throw new DomainRuleException("Enter the child's given and family names.");
        }

        (GivenName, FamilyName, PreferredName, DateOfBirth, Postcode) =
            (givenName.Trim(), familyName.Trim(), string.IsNullOrWhiteSpace(preferredName) ? null : preferredName.Trim(), dateOfBirth, string.IsNullOrWhiteSpace(postcode) ? null : postcode.Trim().ToUpperInvariant());
    }

    /// <summary>
    /// Corrects the rest of the evidence matching compares (decision 0083): the address parts, school, parents' or
    /// carers' names, e-mail, phone and other identifier, as they should be held; a blank one is removed. An identifier
    /// is kept only with its issuer (the correction's rules refuse one without). The request that makes it re-keys the
    /// child, so intake finds them by what is held now.
    /// </summary>
    public void CorrectEvidence(
        string? houseNumberOrName, string? street, string? town, string? school, IEnumerable<string?>? parentOrCarerNames,
        string? email, string? phone, string? otherIdentifier, IdentifierIssuer? otherIdentifierIssuer) =>
        SetEvidence(houseNumberOrName, street, town, school, parentOrCarerNames, email, phone, otherIdentifierIssuer is null ? null : otherIdentifier, otherIdentifierIssuer);

    /// <summary>The child's age in whole years on a given day.</summary>
    public int AgeOn(DateOnly day) => PersonDetails.AgeOn(DateOfBirth, day);

    /// <summary>
    /// The evidence matching compares besides names, date of birth and postcode, as registered or corrected: a blank
    /// value is none, and an issuer is kept only with its identifier.
    /// </summary>
    private void SetEvidence(
        string? houseNumberOrName, string? street, string? town, string? school, IEnumerable<string?>? parentOrCarerNames,
        string? email, string? phone, string? otherIdentifier, IdentifierIssuer? otherIdentifierIssuer)
    {
        HouseNumberOrName = Clean(houseNumberOrName);
        Street = Clean(street);
        Town = Clean(town);
        School = Clean(school);
        ParentOrCarerNames = PersonDetails.JoinNames(parentOrCarerNames);
        Email = Clean(email);
        Phone = Clean(phone);
        OtherIdentifier = Clean(otherIdentifier);
        OtherIdentifierIssuer = OtherIdentifier is null ? null : otherIdentifierIssuer;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
