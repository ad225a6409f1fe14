namespace CaseManagement.Application.Matching;

/// <summary>UK postcodes for matching: normalised, split into district ("CF37"), sector ("CF37 1") and full ("CF37 1AB").</summary>
public static class Postcodes
{
    /// <summary>
    /// The postcode in upper case with one space before the inward code ("cf371ab" → "CF37 1AB"), or null when it is not
    /// a postcode: an outward code of a letter or two, a digit and an optional letter or digit, then a digit and two letters.
    /// </summary>
    public static string? Normalise(string? value) =>
        TrySplit(value, out var outward, out var inward) ? string.Concat(outward, " ", inward) : null;

    /// <summary>
    /// Exact (the same full postcode); Sector (same outward code and first inward digit); District (same outward code);
    /// otherwise Disagree; Missing when either is missing or not a postcode.
    /// </summary>
    public static AgreementLevel Compare(string? first, string? second)
    {
        var a = Pack(first);
        var b = Pack(second);
        return Compare(a, b);
    }

    internal static AgreementLevel Compare(PackedPostcode a, PackedPostcode b)
    {
        if (a.Full == 0 || b.Full == 0)
        {
            return AgreementLevel.Missing;
        }

        if (a.Full == b.Full)
        {
            return AgreementLevel.Exact;
        }

        if (a.Sector == b.Sector)
        {
            return AgreementLevel.Sector;
        }

        return a.District == b.District ? AgreementLevel.District : AgreementLevel.Disagree;
    }

    /// <summary>
    /// A postcode that is not a UK postcode, kept as written (decision 0102): its letters and digits in upper case, case,
    /// spaces and punctuation set aside ("D02 x285" and "d02-X285" are "D02X285"); null for a UK postcode (see
    /// <see cref="Normalise"/>) and for a value that cannot be a postcode: fewer than three characters, no digit, or
    /// one character repeated ("NFA", "unknown", "00000").
    /// </summary>
    public static string? AsWritten(string? value) =>
        string.IsNullOrWhiteSpace(value) || TrySplit(value, out _, out _) ? null : NotUkAsWritten(value);

    /// <summary>
    /// <see cref="AsWritten"/> of a value already found not to be a UK postcode (<see cref="Pack"/> gave nothing), so
    /// that a record's postcode is split once, not twice (decision 0106).
    /// </summary>
    internal static string? NotUkAsWritten(string value)
    {
        var kept = string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        return kept.Length >= 3 && kept.Any(char.IsDigit) && kept.Any(c => c != kept[0]) && !IsCountingRun(kept) ? kept : null;
    }

    /// <summary>
    /// A placeholder typed to fill a field: digits counting up or down by one ("1234", "12345", "987654321"), which
    /// would otherwise agree as written between strangers (review at merge of decision 0102). Also used for phones.
    /// </summary>
    internal static bool IsCountingRun(string value)
    {
        if (value.Length < 3 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        var step = value[1] - value[0];
        if (step is not (1 or -1))
        {
            return false;
        }

        for (var i = 2; i < value.Length; i++)
        {
            if (value[i] - value[i - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Two postcodes of which at least one is not in the UK's form, as written (decision 0102): <see cref="AgreementLevel.AsWritten"/>
    /// when both are not UK postcodes and the same; <see cref="AgreementLevel.Similar"/> one slip apart (both four
    /// characters or more); <see cref="AgreementLevel.Disagree"/> otherwise. A UK postcode against one that is not is
    /// <see cref="AgreementLevel.Missing"/>: a move abroad, or a mistyped UK postcode, which one slip from the other
    /// gave a brother and sister's records a home twice over (the house and street say it already) and linked them.
    /// </summary>
    internal static AgreementLevel CompareAsWritten(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return AgreementLevel.Missing;
        }

        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return AgreementLevel.AsWritten;
        }

        return Math.Min(left.Length, right.Length) >= 4 && StringSimilarity.OptimalStringAlignmentDistance(left, right, 1) <= 1
            ? AgreementLevel.Similar
            : AgreementLevel.Disagree;
    }

    /// <summary>The postcode's three levels as numbers (its characters packed into a ulong); all zero when not a postcode.</summary>
    internal static PackedPostcode Pack(string? value)
    {
        if (!TrySplit(value, out var outward, out var inward))
        {
            return default;
        }

        var district = PackCharacters(outward, string.Empty);
        var sector = PackCharacters(outward, inward[..1]);
        var full = PackCharacters(outward, inward);
        return new PackedPostcode(full, sector, district);
    }

    private static bool TrySplit(string? value, out string outward, out string inward)
    {
        outward = string.Empty;
        inward = string.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        // Spaces and punctuation set aside: "CF37-1AB" and "CF37 1AB." are UK postcodes (review at merge of decision 0102).
        var compact = string.Concat(value.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        if (compact.Length is < 5 or > 7)
        {
            return false;
        }

        var outwardPart = compact[..^3];
        var inwardPart = compact[^3..];
        if (!char.IsAsciiDigit(inwardPart[0]) || !char.IsAsciiLetterUpper(inwardPart[1]) || !char.IsAsciiLetterUpper(inwardPart[2]))
        {
            return false;
        }

        // Outward: A9, A99, AA9, AA99, A9A, AA9A.
        var letters = 0;
        while (letters < outwardPart.Length && char.IsAsciiLetterUpper(outwardPart[letters]))
        {
            letters++;
        }

        if (letters is < 1 or > 2 || letters >= outwardPart.Length || !char.IsAsciiDigit(outwardPart[letters]))
        {
            return false;
        }

        var rest = outwardPart[(letters + 1)..];
        if (rest.Length > 1 || (rest.Length == 1 && !char.IsAsciiLetterOrDigit(rest[0])))
        {
            return false;
        }

        outward = outwardPart;
        inward = inwardPart;
        return true;
    }

    /// <summary>Packs up to eight ASCII characters into a ulong; a space separates outward and inward so "CF3 71AB" cannot meet "CF37 1AB".</summary>
    private static ulong PackCharacters(string outward, string inward)
    {
        ulong packed = 0;
        foreach (var c in outward)
        {
            packed = (packed << 7) | c;
        }

        packed = (packed << 7) | ' ';
        foreach (var c in inward)
        {
            packed = (packed << 7) | c;
        }

        return packed;
    }
}

/// <summary>A postcode's full, sector and district codes as numbers; zero when there is no valid postcode.</summary>
internal readonly record struct PackedPostcode(ulong Full, ulong Sector, ulong District);
