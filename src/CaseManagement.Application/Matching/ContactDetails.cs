namespace CaseManagement.Application.Matching;

/// <summary>Normalises the contact details matching compares: e-mail addresses, UK phone numbers and towns.</summary>
public static class ContactDetails
{
    /// <summary>An e-mail address trimmed and in lower case (addresses are compared without case); null unless it has one @ with text either side.</summary>
    public static string? NormaliseEmail(string? value)
    {
        var email = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Contains(' ', StringComparison.Ordinal) ? email : null;
    }

    /// <summary>
    /// A town as a key: accents folded, lower case, letters only ("Merthyr Tydfil" and "merthyr-tydfil" are
    /// "merthyrtydfil"), so that spacing and punctuation are not a difference; null when nothing is left.
    /// </summary>
    public static string? NormaliseTown(string? value)
    {
        var key = NameNormaliser.FamilyNameKey(value);
        return key.Length == 0 ? null : key;
    }

    /// <summary>
    /// A UK phone number as its national digits ("07700 900123", "+44 7700 900123", "0044 (0)7700-900123" are all
    /// "07700900123"); null when the digits are not a UK number of 10 or 11 digits starting with 0.
    /// </summary>
    public static string? NormalisePhone(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (value.TrimStart().StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits.TrimStart('0');
            if (!digits.StartsWith("44", StringComparison.Ordinal))
            {
                return null;
            }

            // "+44 (0)7700..." writes the trunk zero too.
            digits = "0" + digits[2..].TrimStart('0');
        }

        return digits.Length is 10 or 11 && digits[0] == '0' && digits[1] != '0' ? digits : null;
    }

    /// <summary>
    /// A phone number that is not a UK number, kept as its digits as written (decision 0102): an international prefix
    /// (+ or 00) dropped, so "+353 87 123 4567" and "00353871234567" are "353871234567". Null for a UK number (see
    /// <see cref="NormalisePhone"/>) and for anything that cannot be a whole number: fewer than seven digits or more
    /// than fifteen (the most a number has with its country code), or one digit repeated.
    /// </summary>
    public static string? PhoneAsWritten(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || NormalisePhone(value) is not null)
        {
            return null;
        }

        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (value.TrimStart().StartsWith('+') || digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = digits.TrimStart('0');
        }

        return digits.Length is >= 7 and <= 15 && digits.Any(c => c != digits[0]) && !Postcodes.IsCountingRun(digits) ? digits : null;
    }
}
