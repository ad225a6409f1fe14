using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching;

/// <summary>The agreement level of every field of one pair of records.</summary>
internal readonly record struct FieldLevels(
    AgreementLevel GivenName,
    AgreementLevel FamilyName,
    AgreementLevel DateOfBirth,
    AgreementLevel Sex,
    AgreementLevel Postcode,
    AgreementLevel NhsNumber,
    AgreementLevel UniquePupilNumber,
    AgreementLevel PncId,
    AgreementLevel Email,
    AgreementLevel Phone,
    AgreementLevel Town,
    AgreementLevel Address,
    AgreementLevel School,
    AgreementLevel Carers,
    AgreementLevel OtherIdentifier)
{
    public AgreementLevel this[MatchField field] => field switch
    {
        MatchField.GivenName => GivenName,
        MatchField.FamilyName => FamilyName,
        MatchField.DateOfBirth => DateOfBirth,
        MatchField.Sex => Sex,
        MatchField.Postcode => Postcode,
        MatchField.NhsNumber => NhsNumber,
        MatchField.UniquePupilNumber => UniquePupilNumber,
        MatchField.PncId => PncId,
        MatchField.Email => Email,
        MatchField.Phone => Phone,
        MatchField.Town => Town,
        MatchField.Address => Address,
        MatchField.School => School,
        MatchField.Carers => Carers,
        MatchField.OtherIdentifier => OtherIdentifier,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Whether a valid identifier agrees.</summary>
    public bool IdentifierAgrees =>
        NhsNumber == AgreementLevel.Exact || UniquePupilNumber == AgreementLevel.Exact || PncId == AgreementLevel.Exact;

    /// <summary>
    /// The same household: the postcode, house and street, e-mail address or phone number the same. A namesake lives
    /// elsewhere; brothers, sisters and twins share it, so it makes a different identifier a slip only with the same name.
    /// </summary>
    public bool SameHousehold =>
        Postcode == AgreementLevel.Exact || Address == AgreementLevel.Exact || Email == AgreementLevel.Exact || Phone == AgreementLevel.Exact;

    /// <summary>
    /// The whole postcode the same: a UK postcode, or one from abroad the same as written (decision 0109). A home abroad
    /// is one home as a UK one is; read as the UK postcode only, a household of another country was never recognised as one.
    /// It says something of home for a pair offered despite a rule, and names the address in the sibling rule's reason;
    /// it does not make <see cref="SameHousehold"/>: a UK postcode is about fifteen addresses, but many codes from abroad
    /// are a whole district or town (France's 75008, a US ZIP code), where a namesake with a different identifier may
    /// well live (the merge review of 0109).
    /// </summary>
    public bool SamePostcode => Postcode is AgreementLevel.Exact or AgreementLevel.AsWritten;
}

/// <summary>
/// Works out the agreement levels of two prepared records. Pure, symmetric, and allocation-free for names of
/// ordinary length: the hot loop of a search.
/// </summary>
internal static class FieldComparer
{
    /// <summary>Names at least this Jaro-Winkler similar are a close spelling.</summary>
    public const double SimilarJaroWinkler = 0.92;

    /// <summary>Names one edit apart are a close spelling if at least this similar and this long (Lily and Lilly, not Tom and Tim).</summary>
    public const double OneEditJaroWinkler = 0.88;

    public const int OneEditMinimumLength = 4;

    /// <summary>All the levels; <paramref name="givenExactIndex"/> is the index of the left given name that agreed exactly, or -1.</summary>
    public static FieldLevels Compare(PreparedRecord left, PreparedRecord right, out int givenExactIndex)
    {
        var (given, family) = Names(left, right, out givenExactIndex);
        var address = AddressLevel(left, right);
        return new(
            given,
            family,
            DateOfBirth(left, right),
            SexLevel(left, right),
            PostcodeLevel(left, right, address),
            NhsNumberLevel(left, right),
            UniquePupilNumberLevel(left, right),
            PncIdLevel(left, right),
            EmailLevel(left.Email, right.Email),
            PhoneLevel(left, right),
            TownLevel(left.Town, right.Town),
            address,
            SchoolLevel(left.School, right.School),
            CarersLevel(left, right),
            OtherIdentifierLevel(left, right));
    }

    /// <summary>
    /// Two UK postcodes as <see cref="Postcodes.Compare(string?, string?)"/>, the same one not counted when the house and
    /// street are the same too (<see cref="UkHomeCountedOnce"/>, decision 0109); when either is not a UK postcode, both as
    /// written (<see cref="Postcodes.CompareAsWritten"/>, decision 0102), and then an agreement is not counted when the
    /// house and street agree too (<see cref="AsWrittenHomeCountedOnce"/>). <paramref name="address"/> is the pair's
    /// <see cref="AddressLevel"/>, worked out once by the caller, which needs it for the address field too.
    /// </summary>
    public static AgreementLevel PostcodeLevel(PreparedRecord left, PreparedRecord right, AgreementLevel address)
    {
        if (left.PostcodeAsWritten is null && right.PostcodeAsWritten is null)
        {
            var uk = Postcodes.Compare(left.Postcode, right.Postcode);
            return uk == AgreementLevel.Exact && UkHomeCountedOnce(address) ? AgreementLevel.Missing : uk;
        }

        var level = Postcodes.CompareAsWritten(left.PostcodeAsWritten, right.PostcodeAsWritten);
        return level is AgreementLevel.AsWritten or AgreementLevel.Similar && AsWrittenHomeCountedOnce(address) ? AgreementLevel.Missing : level;
    }

    /// <summary>
    /// Whether the same UK postcode would count the home twice (decision 0109): the same house and street say the same
    /// home more narrowly, and brothers and sisters share both. Measured on GeCo households, the two counted linked more
    /// of them than the house and street alone, as 0102 found for a postcode from abroad. A street spelt a little
    /// differently (Similar) keeps the postcode: then it says the street is the same one.
    /// </summary>
    public static bool UkHomeCountedOnce(AgreementLevel address) => address == AgreementLevel.Exact;

    /// <summary>
    /// Whether a postcode agreeing as written would count the home twice: the house and street agree as well (Exact or
    /// Similar), and say the same home more narrowly. Brothers and sisters share both; with the two counted, GeCo
    /// households with its postcodes from abroad linked more of them than with the postcodes read as missing (decision 0102).
    /// </summary>
    public static bool AsWrittenHomeCountedOnce(AgreementLevel address) => address is AgreementLevel.Exact or AgreementLevel.Similar;

    /// <summary>
    /// Two UK numbers as <see cref="Contact"/> with one slip. When either is not a UK number, their digits as written
    /// (decision 0102): <see cref="AgreementLevel.AsWritten"/> when the same, <see cref="AgreementLevel.Similar"/> one
    /// digit apart (a UK number with its 0 left off meets its own here), <see cref="AgreementLevel.Disagree"/> when
    /// neither is a UK number, otherwise <see cref="AgreementLevel.Missing"/>: a UK number against one from abroad says little.
    /// </summary>
    public static AgreementLevel PhoneLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.PhoneAsWritten is null && right.PhoneAsWritten is null)
        {
            return Contact(left.Phone, right.Phone, 1);
        }

        var a = left.PhoneAsWritten ?? left.Phone;
        var b = right.PhoneAsWritten ?? right.Phone;
        if (a is null || b is null)
        {
            return AgreementLevel.Missing;
        }

        return Contact(a, b, 1) switch
        {
            AgreementLevel.Exact => AgreementLevel.AsWritten,
            AgreementLevel.Similar => AgreementLevel.Similar,
            _ when left.PhoneAsWritten is not null && right.PhoneAsWritten is not null => AgreementLevel.Disagree,
            _ => AgreementLevel.Missing,
        };
    }

    /// <summary>
    /// Exact: the same house and street. Similar: the same house on a street spelt a little differently. Partial: the
    /// same street (or one spelt a little differently) with another house, or a house given on one side only.
    /// Missing when either street is unknown: a house number alone says nothing.
    /// </summary>
    public static AgreementLevel AddressLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.Street is null || right.Street is null)
        {
            return AgreementLevel.Missing;
        }

        var sameStreet = string.Equals(left.Street, right.Street, StringComparison.Ordinal);
        // Slips only, not Jaro-Winkler: streets and schools share long beginnings ("Heol y...", "Gyfun...") that it
        // rewards, so "Heol y Bont" and "Heol y Felin" would pass for one.
        if (!sameStreet && !IsApproximate(left.Street, right.Street))
        {
            return AgreementLevel.Disagree;
        }

        if (left.House is null || right.House is null || !string.Equals(left.House, right.House, StringComparison.Ordinal))
        {
            return AgreementLevel.Partial;
        }

        return sameStreet ? AgreementLevel.Exact : AgreementLevel.Similar;
    }

    /// <summary>Exact; Similar when one or two slips apart (<see cref="IsApproximate"/>); else Disagree.</summary>
    public static AgreementLevel SchoolLevel(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        return IsApproximate(left, right) ? AgreementLevel.Similar : AgreementLevel.Disagree;
    }

    /// <summary>
    /// Exact when any parent or carer named on one record is named on the other; Similar when two names are one or two
    /// slips apart; Partial when only a carer's given name agrees (a parent whose family name changed);
    /// Missing unless both records name someone.
    /// </summary>
    public static AgreementLevel CarersLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.CarerNames.Length == 0 || right.CarerNames.Length == 0)
        {
            return AgreementLevel.Missing;
        }

        if (ContainsAny(left.CarerNames, right.CarerNames))
        {
            return AgreementLevel.Exact;
        }

        foreach (var x in left.CarerNames)
        {
            foreach (var y in right.CarerNames)
            {
                if (IsApproximate(x, y))
                {
                    return AgreementLevel.Similar;
                }
            }
        }

        return ContainsAny(left.CarerGivenNames, right.CarerGivenNames) ? AgreementLevel.Partial : AgreementLevel.Disagree;
    }

    /// <summary>
    /// Another identifier says something only when both records have one from the same issuer (two councils' numbers
    /// are unrelated): then as <see cref="Identifier"/>, except that there is no check character to rely on, so
    /// only one slip in a value of six characters or more counts as Similar, and not in its last two characters, where
    /// numbers issued in sequence differ (decision 0103).
    /// </summary>
    public static AgreementLevel OtherIdentifierLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.OtherIdentifier is not { } a || right.OtherIdentifier is not { } b
            || !string.Equals(left.OtherIdentifierIssuer, right.OtherIdentifierIssuer, StringComparison.Ordinal))
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        // One slip (a character changed, or two neighbours swapped) before the last two characters (decision 0103): with
        // no check character a slip there cannot be told from a number issued next in sequence, as twins referred together
        // are, so it is a different number, as the NHS number's last two digits are left out of decision 0098's reading.
        return a.Length >= 6 && PersonIdentifiers.OneSlipWithin(a, b, 0, a.Length - 2)
            ? AgreementLevel.Similar
            : AgreementLevel.Disagree;
    }

    /// <summary>
    /// The given and family names' levels, with names written the wrong way round recognised: when both disagree and
    /// each record's given name is the other's family name (the same, a close spelling or two slips apart), both are <see cref="AgreementLevel.Swapped"/>.
    /// </summary>
    public static (AgreementLevel Given, AgreementLevel Family) Names(PreparedRecord left, PreparedRecord right, out int givenExactIndex)
    {
        var given = GivenName(left, right, out givenExactIndex);
        var family = FamilyName(left, right);
        if (given == AgreementLevel.Disagree && family == AgreementLevel.Disagree
            && SameOrClose(left.GivenNames, right.FamilyKey) && SameOrClose(right.GivenNames, left.FamilyKey))
        {
            return (AgreementLevel.Swapped, AgreementLevel.Swapped);
        }

        return (given, family);
    }

    public static AgreementLevel GivenName(PreparedRecord left, PreparedRecord right, out int exactIndex)
    {
        exactIndex = -1;
        var a = left.GivenNames;
        var b = right.GivenNames;
        if (a.Length == 0 || b.Length == 0)
        {
            return AgreementLevel.Missing;
        }

        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
            {
                if (string.Equals(a[i], b[j], StringComparison.Ordinal))
                {
                    exactIndex = i;
                    return AgreementLevel.Exact;
                }
            }
        }

        if (NameEquivalents.Intersects(left.GivenGroups, right.GivenGroups))
        {
            return AgreementLevel.Equivalent;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (IsCloseSpelling(x, y))
                {
                    return AgreementLevel.Similar;
                }
            }
        }

        if (ContainsAny(a, right.GivenOtherParts) || ContainsAny(b, left.GivenOtherParts))
        {
            return AgreementLevel.Partial;
        }

        if (IsApproximate(a[0], b[0]))
        {
            return AgreementLevel.Approximate;
        }

        return Intersects(left.GivenPhonetics, right.GivenPhonetics) ? AgreementLevel.Phonetic : AgreementLevel.Disagree;
    }

    public static AgreementLevel FamilyName(PreparedRecord left, PreparedRecord right)
    {
        if (left.FamilyKey.Length == 0 || right.FamilyKey.Length == 0)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left.FamilyKey, right.FamilyKey, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        if (ContainsAny(left.FamilyParts, right.FamilyParts))
        {
            return AgreementLevel.Partial;
        }

        if (IsCloseSpelling(left.FamilyKey, right.FamilyKey))
        {
            return AgreementLevel.Similar;
        }

        if (IsApproximate(left.FamilyKey, right.FamilyKey))
        {
            return AgreementLevel.Approximate;
        }

        var a1 = left.FamilyPrimaryPhonetic;
        var a2 = left.FamilyAlternatePhonetic;
        var b1 = right.FamilyPrimaryPhonetic;
        var b2 = right.FamilyAlternatePhonetic;
        var soundAlike = (a1 != 0 && (a1 == b1 || a1 == b2)) || (a2 != 0 && (a2 == b1 || a2 == b2));
        return soundAlike ? AgreementLevel.Phonetic : AgreementLevel.Disagree;
    }

    public static AgreementLevel DateOfBirth(PreparedRecord left, PreparedRecord right) =>
        left.Year == 0 || right.Year == 0
            ? AgreementLevel.Missing
            : DateOfBirthComparison.Compare(left.Year, left.Month, left.Day, right.Year, right.Month, right.Day);

    public static AgreementLevel SexLevel(PreparedRecord left, PreparedRecord right)
    {
        if (left.KnownSex == Sex.NotKnown || right.KnownSex == Sex.NotKnown)
        {
            return AgreementLevel.Missing;
        }

        return left.KnownSex == right.KnownSex ? AgreementLevel.Exact : AgreementLevel.Disagree;
    }

    /// <summary>
    /// The NHS numbers' level: as <see cref="Identifier"/> for two valid numbers; Similar also when one is valid and the
    /// other fails the check one slip from it (<see cref="PersonIdentifiers.IsOneSlipFrom(string, string)"/>, decision 0098), which is that
    /// number written wrongly, not another child's; otherwise a number that fails the check is missing.
    /// </summary>
    public static AgreementLevel NhsNumberLevel(PreparedRecord left, PreparedRecord right) =>
        CheckedIdentifier(MatchField.NhsNumber, left.NhsNumber, right.NhsNumber, left.MistypedNhsNumber, right.MistypedNhsNumber);

    /// <summary>The UPNs' level, read as the NHS numbers' is (<see cref="NhsNumberLevel"/>; decision 0103): one failing its check letter one slip from the other's valid UPN is Similar.</summary>
    public static AgreementLevel UniquePupilNumberLevel(PreparedRecord left, PreparedRecord right) =>
        CheckedIdentifier(MatchField.UniquePupilNumber, left.UniquePupilNumber, right.UniquePupilNumber, left.MistypedUniquePupilNumber, right.MistypedUniquePupilNumber);

    /// <summary>The PNC IDs' level, read as the NHS numbers' is (<see cref="NhsNumberLevel"/>; decision 0103): one failing its check letter one slip from the other's valid PNC ID is Similar.</summary>
    public static AgreementLevel PncIdLevel(PreparedRecord left, PreparedRecord right) =>
        CheckedIdentifier(MatchField.PncId, left.PncId, right.PncId, left.MistypedPncId, right.MistypedPncId);

    /// <summary>
    /// An identifier with a check character (decisions 0098, 0103): as <see cref="Identifier"/> for two valid values;
    /// Similar when one is valid and the other fails the check one slip from it
    /// (<see cref="PersonIdentifiers.IsOneSlipFrom(MatchField, string, string)"/>): that identifier written wrongly; otherwise missing.
    /// </summary>
    private static AgreementLevel CheckedIdentifier(MatchField kind, string? left, string? right, string? leftMistyped, string? rightMistyped)
    {
        var level = Identifier(left, right);
        if (level != AgreementLevel.Missing || (leftMistyped is null && rightMistyped is null))
        {
            return level;
        }

        return (left, rightMistyped) is ({ } valid, { } mistyped) && PersonIdentifiers.IsOneSlipFrom(kind, valid, mistyped)
            || (right, leftMistyped) is ({ } otherValid, { } otherMistyped) && PersonIdentifiers.IsOneSlipFrom(kind, otherValid, otherMistyped)
            ? AgreementLevel.Similar
            : AgreementLevel.Missing;
    }

    public static AgreementLevel Identifier(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        // Two valid values that differ are two identifiers (decision 0103), however few characters apart. Each kind's check
        // catches every single slip and every swap of neighbours, so two valid values are never one slip apart; values two
        // characters apart are numbers issued close together (twins' are issued in sequence) far more often than a double
        // slip the check happens to miss. Decisions 0067 and 0080 weighed them as Similar, evidence FOR the pair.
        return AgreementLevel.Disagree;
    }

    /// <summary>Two slips apart, both at least five letters; or one slip apart, both at least three (see <see cref="AgreementLevel.Approximate"/>).</summary>
    public static bool IsApproximate(string first, string second)
    {
        var shorter = Math.Min(first.Length, second.Length);
        if (shorter < 3 || Math.Abs(first.Length - second.Length) > 2)
        {
            return false;
        }

        var distance = StringSimilarity.OptimalStringAlignmentDistance(first, second, 2);
        return distance == 1 || (distance == 2 && shorter >= 5);
    }

    /// <summary>Exact; Similar when a close spelling or two slips apart (a mistyped town); else Disagree.</summary>
    public static AgreementLevel TownLevel(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        return IsCloseSpelling(left, right) || IsApproximate(left, right) ? AgreementLevel.Similar : AgreementLevel.Disagree;
    }

    /// <summary>
    /// As <see cref="Contact"/> with two slips, except that addresses differing only in their digits are different
    /// addresses: a number is what people add to tell apart the addresses of one name (megan.evans12, megan.evans21).
    /// </summary>
    public static AgreementLevel EmailLevel(string? left, string? right)
    {
        var level = Contact(left, right, 2);
        return level == AgreementLevel.Similar && DiffersOnlyInDigits(left!, right!) ? AgreementLevel.Disagree : level;
    }

    /// <summary>Exact; Similar when at most <paramref name="slips"/> characters apart (a mistyped address or digit); else Disagree.</summary>
    public static AgreementLevel Contact(string? left, string? right, int slips)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return AgreementLevel.Exact;
        }

        return StringSimilarity.OptimalStringAlignmentDistance(left, right, slips) <= slips
            ? AgreementLevel.Similar
            : AgreementLevel.Disagree;
    }

    private static bool DiffersOnlyInDigits(string left, string right)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < left.Length && char.IsAsciiDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && char.IsAsciiDigit(right[j]))
            {
                j++;
            }

            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }

            if (left[i++] != right[j++])
            {
                return false;
            }
        }
    }

    private static bool SameOrClose(string[] givenNames, string familyKey)
    {
        if (familyKey.Length == 0 || givenNames.Length == 0)
        {
            return false;
        }

        // One of the two may be mistyped as well (two slips at most): the swap itself is the evidence that weighs.
        return string.Equals(givenNames[0], familyKey, StringComparison.Ordinal) || IsCloseSpelling(givenNames[0], familyKey)
            || IsApproximate(givenNames[0], familyKey);
    }

    /// <summary>A close typing error: Jaro-Winkler at least 0.92, or one edit apart with Jaro-Winkler at least 0.88 and both at least four letters.</summary>
    public static bool IsCloseSpelling(string first, string second)
    {
        var similarity = StringSimilarity.JaroWinkler(first, second);
        if (similarity >= SimilarJaroWinkler)
        {
            return true;
        }

        return similarity >= OneEditJaroWinkler
            && Math.Min(first.Length, second.Length) >= OneEditMinimumLength
            && StringSimilarity.OptimalStringAlignmentDistance(first, second, 1) <= 1;
    }

    private static bool ContainsAny(string[] values, string[] candidates)
    {
        foreach (var value in values)
        {
            foreach (var candidate in candidates)
            {
                if (string.Equals(value, candidate, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Intersects(uint[] a, uint[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
