using System.Globalization;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Validation and normalisation of the national identifiers a referral may carry. An identifier that fails
/// validation is treated as missing by matching: a mistyped number is neither agreement nor disagreement.
/// </summary>
public static class PersonIdentifiers
{
    /// <summary>The 23 letters of the DfE and PNC check alphabets (no I, O or S).</summary>
    private const string UpnAlphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    /// <summary>The PNC check letters, indexed by (year and serial) modulo 23.</summary>
    private const string PncAlphabet = "ZABCDEFGHJKLMNPQRTUVWXY";

    /// <summary>
    /// The NHS number as ten digits, or null if it is not a valid NHS number. Spaces and hyphens are ignored.
    /// Valid means ten digits whose last is the modulus 11 check digit: weights 10 down to 2 on the first nine
    /// digits, check = 11 − (sum mod 11), where 11 becomes 0 and 10 is never issued. Ten identical digits
    /// ("0000000000", used as a placeholder) are refused although some pass the check.
    /// </summary>
    public static string? NormaliseNhsNumber(string? value)
    {
        var digits = Compact(value);
        if (digits is null || digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (digits.All(c => c == digits[0]))
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0' ? digits : null;
    }

    /// <summary>
    /// Ten digits written as an NHS number that fail its check (a slip in typing or reading), or null when the value is
    /// valid, missing or not ten digits (decision 0098). Kept so that a mistyped number one slip from another record's
    /// valid number can count as that number written wrongly.
    /// </summary>
    public static string? MistypedNhsNumber(string? value)
    {
        var digits = Compact(value);
        return digits is { Length: 10 } && digits.All(char.IsAsciiDigit) && NormaliseNhsNumber(digits) is null && !digits.All(c => c == digits[0])
            ? digits
            : null;
    }

    /// <summary>
    /// Whether a mistyped NHS number is one slip (one digit changed, or two neighbouring digits swapped) from a valid one,
    /// within its first eight digits (decision 0098). The check digit catches every such slip, so the mistyped number
    /// cannot be another child's; a slip in the last two digits is left out because numbers issued in sequence (twins)
    /// differ there, and a twin's number with its last digits misread would be one slip from the other twin's.
    /// </summary>
    public static bool IsOneSlipFrom(string valid, string mistyped) =>
        valid.Length == 10 && OneSlipWithin(valid, mistyped, 0, 8);

    /// <summary>
    /// Whether an identifier of one kind that fails its check (<see cref="Mistyped"/>) is one slip (one character changed,
    /// or two neighbouring characters swapped) from a valid one of that kind, outside the characters where numbers issued
    /// in sequence differ (decisions 0098, 0103). Each kind's check catches every such slip, so the mistyped value cannot
    /// be another child's by chance; the check character and the end of the serial are left out, because twins' numbers
    /// issued one after the other differ there, and a twin's number misread there would be one slip from the other's.
    /// NHS number: the first eight digits (not the ninth or the check digit). UPN: the local authority and establishment
    /// (characters 2 to 8; not the check letter first, nor the year, where brothers and sisters at one school differ,
    /// nor the three-character serial; narrowed at merge). PNC ID, as
    /// "YY/NNNNNNNC": the year and the first five serial digits (not the last two, nor the check letter).
    /// </summary>
    /// <param name="kind"><see cref="MatchField.NhsNumber"/>, <see cref="MatchField.UniquePupilNumber"/> or <see cref="MatchField.PncId"/>.</param>
    /// <param name="valid">A valid identifier, normalised (<see cref="NormaliseNhsNumber"/> and the others).</param>
    /// <param name="mistyped">A value of the same kind that fails the check, as <see cref="Mistyped"/> gives it.</param>
    public static bool IsOneSlipFrom(MatchField kind, string valid, string mistyped) => kind switch
    {
        MatchField.NhsNumber => IsOneSlipFrom(valid, mistyped),
        MatchField.UniquePupilNumber => valid.Length == 13 && OneSlipWithin(valid, mistyped, 1, 8),
        MatchField.PncId => valid.Length == 11 && OneSlipWithin(valid, mistyped, 0, 8),
        _ => false,
    };

    /// <summary>
    /// A value written in the form of an identifier of one kind that fails only its check (a slip in typing or reading),
    /// normalised as a valid one would be; null when the value is valid, missing or not in the form (decisions 0098, 0103).
    /// NHS number: ten digits (<see cref="MistypedNhsNumber"/>). UPN: thirteen characters, a letter, eleven digits and a
    /// digit or letter. PNC ID: a year, a serial and a letter, as <see cref="NormalisePncId"/> reads them.
    /// </summary>
    public static string? Mistyped(MatchField kind, string? value) => kind switch
    {
        MatchField.NhsNumber => MistypedNhsNumber(value),
        MatchField.UniquePupilNumber => MistypedUniquePupilNumber(value),
        MatchField.PncId => MistypedPncId(value),
        _ => null,
    };

    /// <summary>Thirteen characters in the form of a UPN that fail its check letter, in upper case; null otherwise (decision 0103).</summary>
    private static string? MistypedUniquePupilNumber(string? value)
    {
        var upn = Compact(value)?.ToUpperInvariant();
        return upn is { Length: 13 } && char.IsAsciiLetterUpper(upn[0]) && upn[1..12].All(char.IsAsciiDigit)
            && (char.IsAsciiDigit(upn[12]) || UpnAlphabet.Contains(upn[12], StringComparison.Ordinal))
            && NormaliseUniquePupilNumber(upn) is null
            ? upn
            : null;
    }

    /// <summary>A value in the form of a PNC ID that fails its check letter, as "YY/NNNNNNNL"; null otherwise (decision 0103).</summary>
    private static string? MistypedPncId(string? value) =>
        NormalisePncId(value) is null && ReadPncId(Compact(value)?.ToUpperInvariant()) is { } pnc
            ? string.Create(CultureInfo.InvariantCulture, $"{pnc.Year:00}/{pnc.Serial:0000000}{pnc.Check}")
            : null;

    /// <summary>
    /// Whether two values of one length differ only within [<paramref name="from"/>, <paramref name="to"/>), by one
    /// character or by two neighbouring characters swapped.
    /// </summary>
    internal static bool OneSlipWithin(string valid, string mistyped, int from, int to)
    {
        if (mistyped.Length != valid.Length)
        {
            return false;
        }

        var first = -1;
        var differences = 0;
        for (var i = 0; i < valid.Length; i++)
        {
            if (valid[i] != mistyped[i])
            {
                if (i < from || i >= to)
                {
                    return false;
                }

                first = differences == 0 ? i : first;
                differences++;
            }
        }

        return differences == 1
            || (differences == 2 && first + 1 < to && valid[first] == mistyped[first + 1] && valid[first + 1] == mistyped[first]);
    }

    /// <summary>Whether a value is a valid NHS number (see <see cref="NormaliseNhsNumber"/>).</summary>
    public static bool IsValidNhsNumber(string? value) => NormaliseNhsNumber(value) is not null;

    /// <summary>An NHS number as people write it: "943 476 5919".</summary>
    public static string FormatNhsNumber(string digits) =>
        digits.Length == 10 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;

    /// <summary>
    /// The unique pupil number in upper case, or null if it is not valid. A UPN is 13 characters: a check letter,
    /// 11 digits (local authority, establishment, year, serial), then a digit, or a letter for a temporary UPN.
    /// The DfE check letter: weight characters 2 to 13 by 2 to 13 (digits as their value, a final letter by its
    /// position in A B C D E F G H J K L M N P Q R T U V W X Y Z from 0), sum, take the remainder on division by 23,
    /// and read the letter at that position of the same alphabet. The local authority number is not checked.
    /// </summary>
    public static string? NormaliseUniquePupilNumber(string? value)
    {
        var upn = Compact(value)?.ToUpperInvariant();
        if (upn is null || upn.Length != 13 || !UpnAlphabet.Contains(upn[0], StringComparison.Ordinal))
        {
            return null;
        }

        var sum = 0;
        for (var i = 1; i < 13; i++)
        {
            int digit;
            if (char.IsAsciiDigit(upn[i]))
            {
                digit = upn[i] - '0';
            }
            else if (i == 12 && UpnAlphabet.Contains(upn[i], StringComparison.Ordinal))
            {
                digit = UpnAlphabet.IndexOf(upn[i], StringComparison.Ordinal);
            }
            else
            {
                return null;
            }

            sum += digit * (i + 1);
        }

        return UpnAlphabet[sum % 23] == upn[0] ? upn : null;
    }

    /// <summary>Whether a value is a valid unique pupil number (see <see cref="NormaliseUniquePupilNumber"/>).</summary>
    public static bool IsValidUniquePupilNumber(string? value) => NormaliseUniquePupilNumber(value) is not null;

    /// <summary>
    /// The Police National Computer identifier in the form "YY/NNNNNNNL" (two-digit year, seven-digit serial, check
    /// letter), or null if it is not valid. Accepted: a two- or four-digit year, an optional "/", a serial of one to
    /// seven digits and a check letter, in any case and spacing ("12/345678U", "2012/0345678u"). The check letter is
    /// the one at position (year × 10,000,000 + serial) mod 23 of Z A B C D E F G H J K L M N P Q R T U V W X Y, as
    /// the Police National Computer issues them.
    /// </summary>
    public static string? NormalisePncId(string? value)
    {
        if (ReadPncId(Compact(value)?.ToUpperInvariant()) is not { } pnc)
        {
            return null;
        }

        var expected = PncAlphabet[(int)((((long)pnc.Year * 10_000_000) + pnc.Serial) % 23)];
        return expected == pnc.Check
            ? string.Create(CultureInfo.InvariantCulture, $"{pnc.Year:00}/{pnc.Serial:0000000}{pnc.Check}")
            : null;
    }

    /// <summary>The parts of a value in the form of a PNC ID (see <see cref="NormalisePncId"/>), its check letter not checked; null when not in the form.</summary>
    private static (int Year, int Serial, char Check)? ReadPncId(string? pnc)
    {
        if (pnc is null || pnc.Length < 4)
        {
            return null;
        }

        var check = pnc[^1];
        var body = pnc[..^1];
        string year;
        string serial;
        var slash = body.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            year = body[..slash];
            serial = body[(slash + 1)..];
        }
        else if (body.Length == 11)
        {
            year = body[..4];
            serial = body[4..];
        }
        else if (body.Length == 9)
        {
            year = body[..2];
            serial = body[2..];
        }
        else
        {
            return null;
        }

        if ((year.Length != 2 && year.Length != 4) || serial.Length is < 1 or > 7
            || !year.All(char.IsAsciiDigit) || !serial.All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(check))
        {
            return null;
        }

        return (int.Parse(year.AsSpan(year.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture),
            int.Parse(serial, NumberStyles.None, CultureInfo.InvariantCulture),
            check);
    }

    /// <summary>Whether a value is a valid PNC identifier (see <see cref="NormalisePncId"/>).</summary>
    public static bool IsValidPncId(string? value) => NormalisePncId(value) is not null;

    /// <summary>The value without spaces, hyphens or dots; null when nothing is left.</summary>
    private static string? Compact(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '.'));
        return compact.Length == 0 ? null : compact;
    }
}
