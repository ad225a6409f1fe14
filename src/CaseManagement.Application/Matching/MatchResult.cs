using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching;

/// <summary>
/// The outcome of comparing two records, with everything a page needs to explain it.
/// In <see cref="MatchingEngine.FindMatches"/> the left record is the referral and the right one the known child.
/// </summary>
/// <param name="LeftId">The left record's identifier.</param>
/// <param name="RightId">The right record's identifier.</param>
/// <param name="Score">The total weight after any veto: the figure the decision is taken on.</param>
/// <param name="RawScore">The sum of the field weights before any veto.</param>
/// <param name="Decision">Link, Review or NewChild, from <see cref="Score"/> and the thresholds.</param>
/// <param name="Fields">One comparison for every field, in <see cref="MatchField"/> order, including missing ones.</param>
/// <param name="Vetoes">The veto rules that fired, each with its reason; empty when none did.</param>
public sealed record MatchResult(
    Guid LeftId,
    Guid RightId,
    double Score,
    double RawScore,
    MatchDecision Decision,
    IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<MatchVeto> Vetoes);

/// <summary>How one field compared.</summary>
/// <param name="Field">The field.</param>
/// <param name="LeftValue">The left record's value as compared (normalised where that helps a reader), or null.</param>
/// <param name="RightValue">The right record's value, or null.</param>
/// <param name="Level">The agreement level.</param>
/// <param name="Weight">The weight the level adds to the score: log2(m/u), zero when missing.</param>
/// <param name="Note">A short explanation (the nickname group, the similarity, the name's frequency, why a value was ignored), or null.</param>
/// <param name="LeftIssuer">For <see cref="MatchField.OtherIdentifier"/>: who issued the left record's identifier, when it says (decision 0084).</param>
/// <param name="RightIssuer">For <see cref="MatchField.OtherIdentifier"/>: who issued the right record's identifier.</param>
public sealed record FieldComparison(
    MatchField Field,
    string? LeftValue,
    string? RightValue,
    AgreementLevel Level,
    double Weight,
    string? Note,
    IdentifierIssuer? LeftIssuer = null,
    IdentifierIssuer? RightIssuer = null)
{
    /// <summary>How strongly the field speaks for or against one child, in words: <see cref="Weight"/> read as a likelihood ratio (decision 0084).</summary>
    public EvidenceStrength Strength => EvidenceStrengths.Of(Weight);
}

/// <summary>A rule that fired, what it did to the pair, and why.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="CapsAt">The best decision the pair can now get: NewChild (a veto), Review (a caution) or Link (set aside).</param>
/// <param name="Reason">The engine's own sentence, in English, with the details (how many slips, which rule of which decision).</param>
/// <param name="Ground">Why the rule was lowered from its own cap or set aside; null when it stands as written, and in explanations stored before decision 0084.</param>
public sealed record MatchVeto(VetoRule Rule, MatchDecision CapsAt, string Reason, VetoGround? Ground = null)
{
    /// <summary>Whether the rule held and how: read from <see cref="CapsAt"/>, so explanations stored before decision 0084 say it too.</summary>
    public VetoOutcome Outcome => CapsAt switch
    {
        MatchDecision.NewChild => VetoOutcome.Stops,
        MatchDecision.Review => VetoOutcome.PersonChecks,
        _ => VetoOutcome.SetAside,
    };
}

/// <summary>What a rule that fired did to the pair (decision 0084).</summary>
public enum VetoOutcome
{
    /// <summary>The rule holds: the pair is never linked and is taken to be two children.</summary>
    Stops,

    /// <summary>The rule holds as a caution: the pair is never linked automatically, and a person checks it.</summary>
    PersonChecks,

    /// <summary>The rule was set aside: the match probability decides, as if it had not fired.</summary>
    SetAside,
}

/// <summary>Why a rule was lowered from its own cap or set aside (decision 0084).</summary>
public enum VetoGround
{
    /// <summary>A valid NHS number, unique pupil number or PNC ID agrees (decisions 0057, 0072).</summary>
    IdentifierAgrees,

    /// <summary>One given name is one or two typing slips from the other and rarely a name in its own right (decisions 0057, 0076).</summary>
    GivenNameSlip,

    /// <summary>One given name is one or two typing slips from the other and rarely a name in its own right, and the dates of birth are one slip apart (decision 0080).</summary>
    GivenNameAndDateSlip,

    /// <summary>The home or contact details agree too, so it could be one child written differently (decision 0077).</summary>
    SharedHome,

    /// <summary>
    /// Different valid identifiers, weighed rather than capped: the given names are the same or alike, the sexes and dates
    /// of birth do not differ and the household agrees, so the identifier's weight counts against the pair and the match
    /// probability decides (decision 0088).
    /// </summary>
    OtherEvidenceOutweighs,

    /// <summary>
    /// An NHS number, unique pupil number or PNC ID is one slip from the other record's valid one (both valid and one slip
    /// apart, or one failing the check one slip from the other): the same identifier written wrongly, which brothers and
    /// sisters never have (decision 0098).
    /// </summary>
    IdentifierNearlyAgrees,

    /// <summary>
    /// One given name is three slips from the other and is rarely a name in its own right: a name mistyped beyond a slip,
    /// which a person can judge (decision 0098).
    /// </summary>
    GivenNameFarSlip,
}

/// <summary>The rules that can cap a score whatever the other fields say.</summary>
public enum VetoRule
{
    /// <summary>Same family name and date of birth, clearly different given names: twins or other multiple births.</summary>
    TwinDifferentGivenNames,

    /// <summary>Same family name and date of birth, different known sexes: twins.</summary>
    TwinDifferentSexes,

    /// <summary>Same family name, different given name and different date of birth: a brother or sister.</summary>
    Sibling,

    /// <summary>Same family name and date of birth, given names that only sound alike (Ella and Ellie): a person should check.</summary>
    TwinSimilarGivenNames,

    /// <summary>Same family name and date of birth, one record without a given name: it could be a twin, so a person should check.</summary>
    GivenNameMissing,

    /// <summary>Different valid identifiers (NHS number, UPN or PNC ID): a person checks, unless the rest outweighs it (decision 0088).</summary>
    IdentifiersConflict,

    /// <summary>
    /// The given name differs or is missing and the date of birth differs or is missing: only the family name and the home
    /// agree, which brothers and sisters share, so a person should check (decision 0090).
    /// </summary>
    OwnDetailsSilent,

    /// <summary>
    /// The given names are only forms of one name (a nickname, or the Welsh or English form) and the date of birth differs
    /// or is missing: a brother and a sister can be given such names (Alex and Alexandra), and the home they share says
    /// nothing of which child it is, so a person should check (decision 0093).
    /// </summary>
    NameFormOnly,
}

/// <summary>The matches for one referral and how much work finding them took.</summary>
/// <param name="Matches">The best candidates, highest score first, at most the number asked for.</param>
/// <param name="CandidatesCompared">How many known records blocking put forward and were scored.</param>
/// <param name="IndexSize">How many records the index holds.</param>
/// <param name="OversizedBlocksSkipped">Blocking keys skipped because they held more records than <see cref="MatchingOptions.MaxCandidatesPerKey"/>.</param>
public sealed record MatchSearchResult(
    IReadOnlyList<MatchResult> Matches,
    int CandidatesCompared,
    int IndexSize,
    int OversizedBlocksSkipped);
