using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching;

/// <summary>
/// A record with everything scoring needs worked out once: name keys, nickname groups, phonetic codes, date parts,
/// packed postcode and validated identifiers. Comparing two prepared records does no normalisation and, for names of
/// ordinary length, allocates nothing.
/// </summary>
public sealed class PreparedRecord
{
    /// <summary>Family-name parts too small or too common to agree on alone (particles such as "van" or "mac").</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "van", "von", "der", "den", "del", "des", "dos", "mac" };

    private PreparedRecord(PersonRecord source, PreparationCache? cache)
    {
        Source = source;
        Id = source.Id;

        var (first, firstOthers) = NameNormaliser.ParseGivenName(source.GivenName);
        var (preferred, preferredOthers) = NameNormaliser.ParseGivenName(source.PreferredName);
        var names = new List<string>(2);
        AddDistinct(names, first, cache);
        AddDistinct(names, preferred, cache);
        GivenNames = [.. names];

        var others = new List<string>();
        foreach (var part in firstOthers.Concat(preferredOthers))
        {
            if (!names.Contains(part))
            {
                AddDistinct(others, part, cache);
            }
        }

        GivenOtherParts = [.. others];
        GivenGroups = names.Count switch
        {
            0 => [],
            1 => NameEquivalents.GroupsOf(names[0]),
            _ => [.. names.SelectMany(NameEquivalents.GroupsOf).Distinct()],
        };

        var phonetics = new List<uint>(4);
        var primaries = new List<uint>(2);
        foreach (var name in names)
        {
            var (primary, alternate) = Phonetic(name, cache);
            AddCode(phonetics, primary);
            AddCode(phonetics, alternate);
            AddCode(primaries, primary);
        }

        GivenPhonetics = [.. phonetics];
        GivenPrimaryPhonetics = [.. primaries];

        var parts = NameNormaliser.Words(source.FamilyName).SelectMany(word => word).ToList();
        FamilyKey = Intern(string.Concat(parts), cache);
        (FamilyPrimaryPhonetic, FamilyAlternatePhonetic) = Phonetic(FamilyKey, cache);
        if (parts.Count > 1)
        {
            var eligible = new List<string>(parts.Count);
            foreach (var part in parts)
            {
                if (part.Length >= 3 && !Particles.Contains(part))
                {
                    AddDistinct(eligible, part, cache);
                }
            }

            FamilyParts = [.. eligible];
            FamilyPartPhonetics = [.. eligible.Select(part => Phonetic(part, cache).Primary).Where(code => code != 0).Distinct()];
        }
        else
        {
            FamilyParts = FamilyKey.Length == 0 ? [] : [FamilyKey];
            FamilyPartPhonetics = [];
        }

        if (source.DateOfBirth is { } dateOfBirth)
        {
            Year = dateOfBirth.Year;
            Month = dateOfBirth.Month;
            Day = dateOfBirth.Day;
        }

        KnownSex = source.Sex is Sex.Female or Sex.Male ? source.Sex : Sex.NotKnown;
        Postcode = Postcodes.Pack(source.Postcode);
        PostcodeAsWritten = Postcode.Full == 0 && !string.IsNullOrWhiteSpace(source.Postcode) ? Postcodes.NotUkAsWritten(source.Postcode) : null;
        NhsNumber = PersonIdentifiers.NormaliseNhsNumber(source.NhsNumber);
        MistypedNhsNumber = NhsNumber is null ? PersonIdentifiers.MistypedNhsNumber(source.NhsNumber) : null;
        UniquePupilNumber = PersonIdentifiers.NormaliseUniquePupilNumber(source.UniquePupilNumber);
        MistypedUniquePupilNumber = UniquePupilNumber is null ? PersonIdentifiers.Mistyped(MatchField.UniquePupilNumber, source.UniquePupilNumber) : null;
        PncId = PersonIdentifiers.NormalisePncId(source.PncId);
        MistypedPncId = PncId is null ? PersonIdentifiers.Mistyped(MatchField.PncId, source.PncId) : null;
        Email = ContactDetails.NormaliseEmail(source.Email);
        Phone = ContactDetails.NormalisePhone(source.Phone);
        PhoneAsWritten = Phone is null ? ContactDetails.PhoneAsWritten(source.Phone) : null;
        EmailIsOwn = Email is not null && source.EmailOwner == ContactOwner.Child;
        PhoneIsOwn = Phone is not null && source.PhoneOwner == ContactOwner.Child;
        Town = ContactDetails.NormaliseTown(source.Town);
        (House, Street) = AddressParts.Normalise(source.HouseNumber, source.Street);
        School = AddressParts.NormaliseSchool(source.School);
        var carers = (source.Carers ?? []).Select(AddressParts.NormaliseCarer).OfType<(string Given, string Full)>().Distinct().ToArray();
        CarerGivenNames = [.. carers.Select(carer => carer.Given)];
        CarerNames = [.. carers.Select(carer => carer.Full)];
        var issuer = AddressParts.NormaliseIssuer(source.OtherIdentifierIssuer);
        var other = AddressParts.NormaliseIdentifier(source.OtherIdentifier);
        (OtherIdentifierIssuer, OtherIdentifier) = issuer is null || other is null ? (null, null) : (issuer, other);
    }

    /// <summary>The record as given.</summary>
    public PersonRecord Source { get; }

    /// <summary>The record's identifier, held here so a search need not read <see cref="Source"/>.</summary>
    internal Guid Id { get; }

    /// <summary>The keys of the names the child is called by: the first given name, then the preferred name if different.</summary>
    internal string[] GivenNames { get; }

    /// <summary>Middle names and the parts of a hyphenated first name, for partial agreement.</summary>
    internal string[] GivenOtherParts { get; }

    /// <summary>The nickname groups of <see cref="GivenNames"/>.</summary>
    internal int[] GivenGroups { get; }

    /// <summary>Primary and alternate Double Metaphone codes of <see cref="GivenNames"/>, packed.</summary>
    internal uint[] GivenPhonetics { get; }

    /// <summary>Primary codes only, for blocking.</summary>
    internal uint[] GivenPrimaryPhonetics { get; }

    /// <summary>The family name with all parts joined; empty when missing.</summary>
    internal string FamilyKey { get; }

    /// <summary>The parts of a double-barrelled family name that may agree alone; the key itself for a single name.</summary>
    internal string[] FamilyParts { get; }

    internal uint FamilyPrimaryPhonetic { get; }

    internal uint FamilyAlternatePhonetic { get; }

    /// <summary>Primary codes of the parts of a double-barrelled name, for blocking; empty for a single name.</summary>
    internal uint[] FamilyPartPhonetics { get; }

    /// <summary>Year, month and day of birth; zero when unknown.</summary>
    internal int Year { get; }

    internal int Month { get; }

    internal int Day { get; }

    /// <summary>Female or Male; NotKnown for anything else.</summary>
    internal Sex KnownSex { get; }

    internal PackedPostcode Postcode { get; }

    /// <summary>A postcode that is not a UK postcode, as written (<see cref="Postcodes.AsWritten"/>, decision 0102); null otherwise.</summary>
    internal string? PostcodeAsWritten { get; }

    /// <summary>Valid identifiers, normalised; null when missing or invalid.</summary>
    internal string? NhsNumber { get; }

    /// <summary>Ten digits written as an NHS number that fail its check; null otherwise (decision 0098).</summary>
    internal string? MistypedNhsNumber { get; }

    internal string? UniquePupilNumber { get; }

    /// <summary>Thirteen characters written as a UPN that fail its check letter; null otherwise (decision 0103).</summary>
    internal string? MistypedUniquePupilNumber { get; }

    internal string? PncId { get; }

    /// <summary>A value written as a PNC ID that fails its check letter, as "YY/NNNNNNNL"; null otherwise (decision 0103).</summary>
    internal string? MistypedPncId { get; }

    /// <summary>Contact details, normalised; null when missing or unusable.</summary>
    internal string? Email { get; }

    internal string? Phone { get; }

    /// <summary>A phone number that is not a UK number, its digits as written (<see cref="ContactDetails.PhoneAsWritten"/>, decision 0102); null otherwise.</summary>
    internal string? PhoneAsWritten { get; }

    /// <summary>Whether <see cref="Email"/> is the child's own (decision 0092); a parent's, or one not said, is the home's.</summary>
    internal bool EmailIsOwn { get; }

    /// <summary>Whether <see cref="Phone"/> is the child's own.</summary>
    internal bool PhoneIsOwn { get; }

    /// <summary>The town's key (<see cref="ContactDetails.NormaliseTown"/>), or null.</summary>
    internal string? Town { get; }

    /// <summary>The house number or name and the street as keys (<see cref="AddressParts.Normalise"/>), or null.</summary>
    internal string? House { get; }

    internal string? Street { get; }

    internal string? School { get; }

    /// <summary>Each carer's given-name key and, at the same position, full-name key.</summary>
    internal string[] CarerGivenNames { get; }

    internal string[] CarerNames { get; }

    /// <summary>The other identifier and its issuer as keys; both null unless both are given.</summary>
    internal string? OtherIdentifierIssuer { get; }

    internal string? OtherIdentifier { get; }

    /// <summary>Prepares one record (a referral, say). To prepare many, build a <see cref="CandidateIndex"/>.</summary>
    public static PreparedRecord Prepare(PersonRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PreparedRecord(record, null);
    }

    internal static PreparedRecord Prepare(PersonRecord record, PreparationCache cache) => new(record, cache);

    private static void AddDistinct(List<string> list, string value, PreparationCache? cache)
    {
        if (value.Length > 0 && !list.Contains(value))
        {
            list.Add(Intern(value, cache));
        }
    }

    private static void AddCode(List<uint> codes, uint code)
    {
        if (code != 0 && !codes.Contains(code))
        {
            codes.Add(code);
        }
    }

    private static string Intern(string value, PreparationCache? cache) => cache is null ? value : cache.Intern(value);

    private static (uint Primary, uint Alternate) Phonetic(string key, PreparationCache? cache) =>
        cache is null ? PreparationCache.Encode(key) : cache.Phonetic(key);
}

/// <summary>
/// Shares work across the records of one index build: one copy of each distinct name string, one phonetic
/// encoding of each. Not thread-safe; one build uses one cache.
/// </summary>
internal sealed class PreparationCache
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (uint, uint)> _phonetics = new(StringComparer.Ordinal);

    public static (uint Primary, uint Alternate) Encode(string key)
    {
        if (key.Length == 0)
        {
            return (0, 0);
        }

        var code = DoubleMetaphone.Encode(key);
        return (DoubleMetaphone.Pack(code.Primary), DoubleMetaphone.Pack(code.Alternate));
    }

    public string Intern(string value)
    {
        if (_strings.TryGetValue(value, out var existing))
        {
            return existing;
        }

        _strings[value] = value;
        return value;
    }

    public (uint Primary, uint Alternate) Phonetic(string key)
    {
        if (!_phonetics.TryGetValue(key, out var codes))
        {
            codes = Encode(key);
            _phonetics[key] = codes;
        }

        return codes;
    }
}
