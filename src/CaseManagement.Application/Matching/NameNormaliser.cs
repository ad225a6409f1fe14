using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CaseManagement.Application.Matching;

/// <summary>
/// Turns names as people type them into comparison keys. Case is folded; accents are folded to their base
/// letters (Welsh ŵ ŷ â ê î ô û, and é, ñ, ç and the like; ø, ł, æ, œ, ß, ð, þ are spelt out); apostrophes are removed,
/// so O'Connor, OConnor and O Connor share the key "oconnor"; titles at the start (Mr, Mrs, Miss, Ms, Master, Mstr,
/// Dr, Mx) are dropped; anything else that is not a letter separates words.
/// </summary>
/// <remarks>
/// A family name's key joins all its parts, so "Thomas-Lewis" and "Thomas Lewis" are the same name, and its parts
/// ("thomas", "lewis") let a double-barrelled name agree partially with one of them. A given name's first word is the
/// name people use; a hyphenated first name ("Mary-Jane") is one name whose parts are kept aside, as are middle names.
/// </remarks>
public static class NameNormaliser
{
    private static readonly FrozenSet<string> Titles =
        new[] { "mr", "mrs", "miss", "ms", "master", "mstr", "dr", "mx" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The folded form of a name for display: lower case, accents folded, apostrophes removed, title dropped,
    /// words separated by single spaces and hyphenated parts by a hyphen. "Mr Siôn  O'Connor-Ŵyn" gives "sion oconnor-wyn".
    /// </summary>
    public static string Fold(string? name) =>
        string.Join(' ', Words(name).Select(parts => string.Join('-', parts)));

    /// <summary>The comparison key of a family name: every part joined ("Thomas-Lewis", "thomas lewis" → "thomaslewis").</summary>
    public static string FamilyNameKey(string? familyName) => string.Concat(Words(familyName).SelectMany(parts => parts));

    /// <summary>The parts of a family name, split at spaces and hyphens ("Thomas-Lewis" → "thomas", "lewis").</summary>
    public static IReadOnlyList<string> FamilyNameParts(string? familyName) => Words(familyName).SelectMany(parts => parts).ToList();

    /// <summary>The comparison key of a given name: its first word, hyphenated parts joined ("Mary-Jane Ann" → "maryjane").</summary>
    public static string GivenNameKey(string? givenName)
    {
        var words = Words(givenName);
        return words.Count == 0 ? string.Empty : string.Concat(words[0]);
    }

    /// <summary>Splits a given name into the name used, the parts of a hyphenated first name and the middle names.</summary>
    internal static (string First, IReadOnlyList<string> OtherParts) ParseGivenName(string? givenName)
    {
        var words = Words(givenName);
        if (words.Count == 0)
        {
            return (string.Empty, []);
        }

        var first = string.Concat(words[0]);
        var others = new List<string>();
        if (words[0].Length > 1)
        {
            others.AddRange(words[0]);
        }

        for (var i = 1; i < words.Count; i++)
        {
            others.Add(string.Concat(words[i]));
        }

        return (first, others);
    }

    /// <summary>The words of a name, each as its hyphen-separated parts, with a leading title removed.</summary>
    internal static List<string[]> Words(string? name)
    {
        var words = new List<string[]>();
        if (string.IsNullOrWhiteSpace(name))
        {
            return words;
        }

        var folded = FoldCharacters(name);
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0)
            {
                words.Add(parts);
            }
        }

        while (words.Count > 1 && words[0].Length == 1 && Titles.Contains(words[0][0]))
        {
            words.RemoveAt(0);
        }

        return words;
    }

    /// <summary>
    /// The words of an address line, a school or an identifier: folded as names are (case, accents, apostrophes), but
    /// keeping digits, and split at anything else, hyphens included ("12A, Heol-y-Bont" → "12a", "heol", "y", "bont").
    /// </summary>
    internal static string[] Tokens(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : FoldCharacters(text, keepDigits: true).Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);

    private static string FoldCharacters(string name, bool keepDigits = false)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
                || IsApostrophe(c))
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                AppendLetter(builder, char.ToLowerInvariant(c));
            }
            else if (keepDigits && char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (IsHyphen(c))
            {
                builder.Append('-');
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }

    private static void AppendLetter(StringBuilder builder, char c)
    {
        switch (c)
        {
            case 'ø': builder.Append('o'); break;
            case 'ł': builder.Append('l'); break;
            case 'ı': builder.Append('i'); break;
            case 'đ' or 'ð': builder.Append('d'); break;
            case 'æ': builder.Append("ae"); break;
            case 'œ': builder.Append("oe"); break;
            case 'ß': builder.Append("ss"); break;
            case 'þ': builder.Append("th"); break;
            default: builder.Append(c); break;
        }
    }

    private static bool IsApostrophe(char c) =>
        c is '\'' or '\u2018' or '\u2019' or '\u201B' or '`' or '\u00B4' or '\u02BB' or '\u02BC' or '\u2032';

    private static bool IsHyphen(char c) =>
        c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212';
}
