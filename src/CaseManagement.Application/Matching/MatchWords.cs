using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CaseManagement.Application.Matching;

/// <summary>
/// One of the engine's sentences as words and values kept apart (decision 0095, after 0089's job summaries):
/// <see cref="Text"/> is an English composite format from <see cref="MatchTexts"/> (its words are the key a page or
/// the API looks up in the resources) and <see cref="Values"/> fill it in. The engine stays culture-free: it writes the
/// English sentence into a <see cref="FieldComparison.Note"/> or a <see cref="MatchVeto.Reason"/>, and the edge reads
/// it back here into words and values to say it in the reader's language.
/// </summary>
public sealed record MatchWords(string Text, IReadOnlyList<string> Values)
{
    // Each sentence twice: ending the text (so a value at the end takes the rest of it) or before the next sentence.
    private static readonly IReadOnlyList<(string Text, Regex Pattern)> Sentences =
        [.. MatchTexts.All.SelectMany(t => new[] { (t, SentencePattern(t, "$")), (t, SentencePattern(t, "(?= |$)")) })];

    public static MatchWords Of(string text, params string[] values) => new(text, values);

    /// <summary>The sentence in English, filled in: what the engine writes.</summary>
    public override string ToString() => Format(Text, CultureInfo.InvariantCulture);

    /// <summary>The sentence in the words of <paramref name="format"/> (the resources' translation of <see cref="Text"/>); the English one if the two ask for different values.</summary>
    public string Format(string format, IFormatProvider culture, IReadOnlyList<string>? values = null)
    {
        ArgumentNullException.ThrowIfNull(format);
        values ??= Values;
        if (values.Count == 0)
        {
            return format;
        }

        try
        {
            return string.Format(culture, format, [.. values.Cast<object>()]);
        }
        catch (FormatException)
        {
            return string.Format(CultureInfo.InvariantCulture, Text, [.. Values.Cast<object>()]);
        }
    }

    /// <summary>
    /// A note or reason as the engine wrote it (now or in an explanation stored before), read back into its sentences:
    /// a reason is a rule's sentence and, when the rule was lowered or set aside, the ground's. A sentence that is not
    /// one of <see cref="MatchTexts.All"/> (written by an older engine, or a new one whose words are not in the
    /// catalogue yet) is kept as it is, with no values, and the rest are still read.
    /// </summary>
    public static IReadOnlyList<MatchWords> Read(string? written)
    {
        if (string.IsNullOrEmpty(written))
        {
            return [];
        }

        var parts = new List<MatchWords>();
        var start = 0;
        var unknownFrom = -1;
        while (start < written.Length)
        {
            if (Known(written, start) is { } known)
            {
                if (unknownFrom >= 0)
                {
                    parts.Add(new MatchWords(written[unknownFrom..(start - 1)], []));
                    unknownFrom = -1;
                }

                parts.Add(known.Words);
                start = known.End + 1;
                continue;
            }

            unknownFrom = unknownFrom < 0 ? start : unknownFrom;
            var space = written.IndexOf(' ', start);
            start = space < 0 ? written.Length + 1 : space + 1;
        }

        if (unknownFrom >= 0)
        {
            parts.Add(new MatchWords(written[unknownFrom..], []));
        }

        return parts;
    }

    /// <summary>The longest catalogue sentence that starts at <paramref name="start"/> and ends the text or a sentence before a space.</summary>
    private static (MatchWords Words, int End)? Known(string written, int start)
    {
        (MatchWords Words, int End)? best = null;
        foreach (var (text, pattern) in Sentences)
        {
            Match match;
            try
            {
                match = pattern.Match(written, start);
            }
            catch (RegexMatchTimeoutException)
            {
                // Words too long or strange to read back in time (a partner's values are in them): this sentence is not
                // the one, and what no sentence reads stays as written, in English.
                continue;
            }

            if (match.Success && match.Index == start && (best is null || match.Index + match.Length > best.Value.End))
            {
                best = (new MatchWords(text, [.. match.Groups.Cast<Group>().Skip(1).Select(g => g.Value)]), match.Index + match.Length);
            }
        }

        return best;
    }

    private static Regex SentencePattern(string text, string end) =>
        new(@"\G" + Regex.Replace(Regex.Escape(text), @"\\\{\d+}", "(.+?)") + end, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}

/// <summary>
/// Every sentence the engine writes into a note or a reason, as an English composite format (decision 0095). The
/// resources hold each under its English words, in English and Welsh; <c>LocalisationTests</c> checks that both have
/// every one, with the same values. A new ground (<see cref="VetoGround"/>) adds its sentence here and its pair there.
/// </summary>
public static class MatchTexts
{
    // Notes on one field.
    public const string GivenNameFrequency = "'{0}' is {1} of known given names, so agreeing on it weighs {2}";
    public const string FamilyNameFrequency = "'{0}' is {1} of known family names, so agreeing on it weighs {2}";
    public const string InvalidPostcode = "'{0}' is not a valid postcode, so it is treated as missing";
    public const string InvalidNhsNumber = "'{0}' is not a valid NHS number (length or check digit), so it is treated as missing";
    public const string InvalidUniquePupilNumber = "'{0}' is not a valid unique pupil number (format or check letter), so it is treated as missing";
    public const string InvalidPncId = "'{0}' is not a valid PNC ID (format or check letter), so it is treated as missing";
    public const string InvalidEmail = "not an e-mail address, so it is treated as missing";
    public const string InvalidPhone = "not a UK phone number, so it is treated as missing";
    public const string PostcodesAsWritten = "neither is a UK postcode: compared as written, they are the same";
    public const string PhonesAsWritten = "neither is a UK phone number: compared as written, the digits are the same";
    public const string PostcodeAsWrittenUnmatched = "'{0}' is not a UK postcode: compared as written, it says nothing about the other, so it is treated as missing";
    public const string PostcodeHomeOnce = "the postcodes are both '{0}', but the house and street already say this home, so it is not counted twice";
    public const string PostcodeAsWrittenHomeOnce = "'{0}' is not a UK postcode: compared as written it agrees, but the house and street already say this home, so it is not counted twice";
    public const string PhoneAsWrittenUnmatched = "not a UK phone number: compared as written, it says nothing about the other, so it is treated as missing";
    public const string IssuerNotGiven = "no issuer is given, so it cannot be compared";
    public const string OtherIssuers = "issued by different bodies, so they are not compared";
    public const string Equivalent = "nicknames or Welsh and English forms of one name";
    /// <summary>No longer written (decision 0103: two valid identifiers that differ Disagree); kept so explanations stored before it are still read in Welsh.</summary>
    public const string IdentifierOneSlip = "both valid, two characters apart: one slip the check does not catch";
    public const string NhsNumberMistyped = "one fails the check one slip from the other's valid number: that number written wrongly";
    public const string ContactSlip = "one or two characters apart: a slip";
    public const string SpeltALittleDifferently = "spelt a little differently";
    public const string AddressStreetSpelt = "the same house, the street spelt a little differently";
    public const string CarerSpelt = "a parent's or carer's name spelt a little differently";
    public const string OtherIdentifierSlip = "one character apart: a slip";
    public const string AddressSameStreet = "the same street, another house or none given";
    public const string CarerGivenNameOnly = "only a parent's or carer's given name agrees";
    public const string CloseSpelling = "close spelling (Jaro-Winkler {0})";
    public const string FamilyNamePart = "one part of a double-barrelled name agrees";
    public const string GivenNamePart = "one is the other's middle name or part of a hyphenated name";
    public const string Phonetic = "different spellings that sound alike (Double Metaphone)";
    public const string Swapped = "given and family names written the wrong way round";
    public const string Approximate = "spelt two slips apart";
    public const string DayMonthSwapped = "day and month swapped";
    public const string OneDigitOff = "one digit differs";
    public const string YearOffByOne = "same day and month, a year apart";
    public const string Sector = "same postcode sector";
    public const string District = "same postcode district";
    public const string IdentifiersDiffer = "both valid and different";

    // A rule's sentence: the first of a reason.
    public const string TwinDifferentGivenNames = "Same family name and date of birth but different given names ({0}, {1}): likely twins or other children of a multiple birth.";
    public const string TwinDifferentSexes = "Same family name and date of birth but different sexes ({0}, {1}): likely twins.";
    public const string Sibling = "Same family name but a different given name and date of birth: likely a brother or sister.";
    public const string SiblingAtOneAddress = "Same family name and address but a different given name and date of birth: likely a brother or sister.";
    public const string TwinSimilarGivenNames = "Same family name and date of birth, and given names that only sound alike or are spelt two slips apart: they could be twins, so a person should check.";
    public const string IdentifiersConflict = "The records carry different valid identifiers (NHS number, unique pupil number or PNC ID): one of them is wrong, or these are two children, so a person should check.";
    public const string GivenNameMissing = "Same family name and date of birth, but one record has no given name: it could be a twin, so a person should check.";
    public const string OwnDetailsSilent = "The given names differ, only sound alike or one is missing, and the date of birth differs or is missing: only the family name, home or contact details agree, which brothers and sisters share, so a person should check.";
    public const string NameFormOnly = "The given names ({0}, {1}) are only forms of one name, a nickname or the Welsh or English form, and the date of birth differs or is missing: a brother and a sister can be given such names, and the family name, home or contact details they share do not say which child this is, so a person should check.";

    // A ground's sentence: why the rule was lowered or set aside, after the rule's.
    public const string OneSlipSetAside = "One given name is a single slip from the other and is rarely a name in its own right, so this caution is set aside.";
    public const string TwoSlipsSetAside = "One given name is two slips from the other and is rarely a name in its own right, so this caution is set aside.";
    public const string OneSlipAndDateSetAside = "One given name is a single slip from the other and is rarely a name in its own right and the dates of birth are one slip apart, so this caution is set aside.";
    public const string TwoSlipsAndDateSetAside = "One given name is two slips from the other and is rarely a name in its own right and the dates of birth are one slip apart, so this caution is set aside.";
    public const string OneSlipPersonDecides = "One given name is a single slip from the other and is rarely a name in its own right, so a person decides.";
    public const string TwoSlipsPersonDecides = "One given name is two slips from the other and is rarely a name in its own right, so a person decides.";
    public const string SharedHomeGivenName = "The family name, date of birth and home or contact details agree, so this could be the same child with the given name written differently: a person decides.";
    public const string SharedHomeSex = "The given names are the same or alike (or one is missing) and the home or contact details agree, so this could be the same child with the sex recorded wrongly: a person decides.";
    public const string SharedHomeSlips = "The given names are two slips apart, the dates of birth one slip apart and the home or contact details agree, so this could be the same child written twice: a person decides.";
    public const string OtherEvidenceOutweighs = "The given names are the same, the sexes and dates of birth do not differ and the household agrees, so the different identifier counts against the pair by its weight and the score decides.";
    public const string IdentifierAgreesSetAside = "A valid identifier agrees, so this caution is set aside.";
    public const string IdentifierAgreesPersonDecides = "A valid identifier agrees, so a person decides.";
    public const string IdentifierNearlyAgreesSetAside = "An identifier is one slip from the other record's valid one (written wrongly, not another child's), so this caution is set aside.";
    public const string IdentifierNearlyAgreesPersonDecides = "An identifier is one slip from the other record's valid one (written wrongly, not another child's), so a person decides.";
    public const string GivenNameFarSlipPersonDecides = "One given name is three slips from the other and is rarely a name in its own right, so a person decides.";

    // The batch's clusterer (decisions 0097, 0104): why it joined a pair the engine left for review.
    public const string OnlyChildOfTheName = "One of the two gives no date of birth, or only one a slip from the other's, no other child in the batch has either name with a date of birth, and nothing the rows hold differs, so the rows are joined as one child.";
    public const string EveryRowOfTheChildAgrees = "The identifiers differ, but this row agrees strongly with every other record of the child and no other child in the batch comes close, so the rows are joined as one child (the identifier written wrongly or issued again).";

    /// <summary>Every sentence above, for the resources' check and for reading a written note or reason back.</summary>
    public static IReadOnlyList<string> All { get; } = [.. typeof(MatchTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Sentences whose values are the names of <see cref="Domain.Children.Sex"/> values, which a page says in its own words.</summary>
    public static IReadOnlySet<string> SexValues { get; } = new HashSet<string>(StringComparer.Ordinal) { TwinDifferentSexes };

    /// <summary>
    /// A given name shown with the name the child is known by: a value (a field's, or one in a sentence above), not a
    /// sentence, so not in <see cref="All"/>; a page says it in its own words with <see cref="KnownAsParts"/> (decision 0099).
    /// </summary>
    public static readonly string KnownAs = "{0} (known as {1})";

    private static readonly CompositeFormat KnownAsFormat = CompositeFormat.Parse(KnownAs);

    private static readonly Regex KnownAsPattern = new(@"^(?<given>.+) \(known as (?<known>.+)\)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A given name with the name the child is known by, in English: what the engine shows.</summary>
    public static string WithKnownAs(string? given, string known) => string.Format(CultureInfo.InvariantCulture, KnownAsFormat, given, known);

    /// <summary>The given name and the known name of a value written with <see cref="KnownAs"/>; null for any other value.</summary>
    public static (string Given, string Known)? KnownAsParts(string? value) =>
        value is not null && KnownAsPattern.Match(value) is { Success: true } match ? (match.Groups["given"].Value, match.Groups["known"].Value) : null;
}
