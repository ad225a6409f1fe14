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
    AgreementLevel PncId)
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
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    /// <summary>Whether a valid identifier agrees.</summary>
    public bool IdentifierAgrees =>
        NhsNumber == AgreementLevel.Exact || UniquePupilNumber == AgreementLevel.Exact || PncId == AgreementLevel.Exact;
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
    public static FieldLevels Compare(PreparedRecord left, PreparedRecord right, out int givenExactIndex) => new(
        GivenName(left, right, out givenExactIndex),
        FamilyName(left, right),
        DateOfBirth(left, right),
        SexLevel(left, right),
        Postcodes.Compare(left.Postcode, right.Postcode),
        Identifier(left.NhsNumber, right.NhsNumber),
        Identifier(left.UniquePupilNumber, right.UniquePupilNumber),
        Identifier(left.PncId, right.PncId));

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

    public static AgreementLevel Identifier(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        return string.Equals(left, right, StringComparison.Ordinal) ? AgreementLevel.Exact : AgreementLevel.Disagree;
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
            && StringSimilarity.OptimalStringAlignmentDistance(first, second) <= 1;
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
