namespace CaseManagement.Application.Matching;

/// <summary>
/// Normalises the parts of an address, a school's name, carers' names and other identifiers into comparison keys.
/// Street words are written out in full ("Rd" and "Road" are one word), so an abbreviation is not a difference; Welsh
/// words ("Heol", "Stryd", "Ffordd", "Lôn") are kept as they are, never translated, because a street has one name in
/// each language only on signs, not in the records people type.
/// </summary>
public static class AddressParts
{
    /// <summary>Abbreviations of street words as people write them, and the word each stands for.</summary>
    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["st"] = "street",
        ["str"] = "street",
        ["rd"] = "road",
        ["ave"] = "avenue",
        ["av"] = "avenue",
        ["ln"] = "lane",
        ["cl"] = "close",
        ["cres"] = "crescent",
        ["cresc"] = "crescent",
        ["dr"] = "drive",
        ["gdns"] = "gardens",
        ["gr"] = "grove",
        ["gro"] = "grove",
        ["pl"] = "place",
        ["sq"] = "square",
        ["ter"] = "terrace",
        ["terr"] = "terrace",
        ["tce"] = "terrace",
        ["ct"] = "court",
        ["pk"] = "park",
        ["hts"] = "heights",
        ["mt"] = "mount",
    };

    /// <summary>Words that say "number" before a house number ("No. 12", "Rhif 12" in Welsh).</summary>
    private static readonly HashSet<string> NumberWords = new(StringComparer.Ordinal) { "no", "number", "rhif" };

    /// <summary>Words that say nothing about which school it is ("Ysgol" is Welsh for school).</summary>
    private static readonly HashSet<string> SchoolFiller = new(StringComparer.Ordinal) { "the", "school", "ysgol", "of", "and" };

    private static readonly Dictionary<string, string> SchoolWords = new(StringComparer.Ordinal)
    {
        ["prim"] = "primary",
        ["pri"] = "primary",
        ["comp"] = "comprehensive",
        ["jnr"] = "junior",
        ["jun"] = "junior",
        ["inf"] = "infants",
        ["sec"] = "secondary",
        ["rc"] = "catholic",
        ["st"] = "saint",
    };

    /// <summary>
    /// The house number or name and the street as keys. A house number written at the start of the street line
    /// ("12a High St" with no house given) is taken from it, and a street written after the number in the house line
    /// ("12 High Street" with no street given) likewise, since forms split an address in different places.
    /// </summary>
    /// <returns>The house key ("12a", "tygwyn") and street key ("highstreet", "heolybont"); each null when missing.</returns>
    public static (string? House, string? Street) Normalise(string? house, string? street)
    {
        var houseTokens = NameNormaliser.Tokens(house).ToList();
        var streetTokens = NameNormaliser.Tokens(street).ToList();
        if (houseTokens.Count == 0 && streetTokens.Count > 1 && StartsWithNumber(streetTokens))
        {
            (houseTokens, streetTokens) = SplitNumber(streetTokens);
        }
        else if (streetTokens.Count == 0 && houseTokens.Count > 1 && StartsWithNumber(houseTokens))
        {
            (houseTokens, streetTokens) = SplitNumber(houseTokens);
        }

        while (houseTokens.Count > 1 && NumberWords.Contains(houseTokens[0]))
        {
            houseTokens.RemoveAt(0);
        }

        var streetKey = string.Concat(streetTokens.Select((word, i) => word == "st" && i == 0 ? "saint" : StreetWords.GetValueOrDefault(word, word)));
        var houseKey = string.Concat(houseTokens);
        return (houseKey.Length == 0 ? null : houseKey, streetKey.Length == 0 ? null : streetKey);
    }

    /// <summary>A school's name as a key: folded, filler words ("the", "school", "ysgol") left out, abbreviations written out.</summary>
    public static string? NormaliseSchool(string? school)
    {
        var key = string.Concat(NameNormaliser.Tokens(school).Where(word => !SchoolFiller.Contains(word)).Select(word => SchoolWords.GetValueOrDefault(word, word)));
        return key.Length == 0 ? null : key;
    }

    /// <summary>
    /// A parent's or carer's name as its given-name key and its full key (given and family names joined, titles
    /// dropped: "Mrs Siân Jones-Evans" → "sian", "sianjonesevans"); null when no name is left.
    /// </summary>
    public static (string Given, string Full)? NormaliseCarer(string? name)
    {
        var words = NameNormaliser.Words(name);
        if (words.Count == 0)
        {
            return null;
        }

        var given = string.Concat(words[0]);
        return (given, string.Concat(words.SelectMany(parts => parts)));
    }

    /// <summary>An identifier's value as upper-case letters and digits ("ab-123 45" → "AB12345"); null when none are left.</summary>
    public static string? NormaliseIdentifier(string? value)
    {
        var key = string.Concat(NameNormaliser.Tokens(value)).ToUpperInvariant();
        return key.Length == 0 ? null : key;
    }

    /// <summary>Who issued an identifier, as a key ("Cardiff Council" and "cardiff-council" are one issuer); null when missing.</summary>
    public static string? NormaliseIssuer(string? issuer)
    {
        var key = string.Concat(NameNormaliser.Tokens(issuer));
        return key.Length == 0 ? null : key;
    }

    private static bool StartsWithNumber(List<string> tokens) => char.IsAsciiDigit(tokens[0][0]);

    /// <summary>Splits "12", "a", "high", "st" into the house ("12", "a") and the street ("high", "st").</summary>
    private static (List<string> House, List<string> Street) SplitNumber(List<string> tokens)
    {
        var take = tokens.Count > 2 && tokens[1].Length == 1 && char.IsAsciiLetter(tokens[1][0]) ? 2 : 1;
        return (tokens.Take(take).ToList(), tokens.Skip(take).ToList());
    }
}
