namespace CaseManagement.Application.Matching;

/// <summary>
/// How closely one field of two records agrees. Each field uses only some levels (see
/// <see cref="MatchingOptions.LevelsFor"/>); <see cref="Missing"/> always weighs zero.
/// </summary>
public enum AgreementLevel
{
    /// <summary>One or both values missing, or invalid (identifiers, postcodes): no evidence either way.</summary>
    Missing,

    /// <summary>The values disagree.</summary>
    Disagree,

    /// <summary>The same after normalisation (names), the same date, the same full postcode, the same identifier or sex.</summary>
    Exact,

    /// <summary>Given names that are nicknames or Welsh/English equivalents of each other (Dai and Dafydd).</summary>
    Equivalent,

    /// <summary>Names a close typing error apart (Jaro-Winkler or one edit).</summary>
    Similar,

    /// <summary>Names sharing a part: one part of a double-barrelled family name, or a given name that is the other's middle name.</summary>
    Partial,

    /// <summary>Names that only sound alike (the same Double Metaphone code).</summary>
    Phonetic,

    /// <summary>Dates with day and month swapped (03/04 and 04/03, same year).</summary>
    DayMonthSwapped,

    /// <summary>Dates whose dd/mm/yyyy forms differ in exactly one digit.</summary>
    OneDigitOff,

    /// <summary>Dates with the same day and month, years one apart.</summary>
    YearOffByOne,

    /// <summary>Postcodes in the same sector ("CF37 1") but not the same full postcode.</summary>
    Sector,

    /// <summary>Postcodes in the same district ("CF37") but not the same sector.</summary>
    District,

    /// <summary>
    /// Given and family names written the wrong way round: each record's given name is (or is a close spelling of) the
    /// other's family name, and the other way about. Used for both name fields.
    /// </summary>
    Swapped,

    /// <summary>
    /// Names two slips apart (an optimal string alignment distance of 2, both five letters or more) or one slip that
    /// the close-spelling test misses (at the first letter, or in a short name): weaker than <see cref="Similar"/>.
    /// </summary>
    Approximate,

    /// <summary>
    /// Postcodes or phone numbers that are not in the UK's form (from abroad, or mistyped out of shape), written the same
    /// once case, spaces and punctuation are set aside (decision 0102): its own level, weaker than the same UK postcode.
    /// </summary>
    AsWritten,
}
