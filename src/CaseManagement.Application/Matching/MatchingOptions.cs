using System.Collections.Frozen;

namespace CaseManagement.Application.Matching;

/// <summary>
/// The m and u probabilities of one agreement level of one field (Fellegi-Sunter).
/// </summary>
/// <param name="M">The probability of this level among pairs that are the same child.</param>
/// <param name="U">The probability of this level among pairs that are different children.</param>
public sealed record LevelProbabilities(double M, double U)
{
    /// <summary>The level's weight, log2(m/u): positive when the level is evidence for a match.</summary>
    public double Weight => Math.Log2(M / U);
}

/// <summary>
/// Everything that tunes matching: the m/u table, the two thresholds, the term-frequency floor and the blocking limit.
/// The defaults are explained in Matching/README.md; <see cref="Default"/> is what the engine uses when given nothing.
/// </summary>
public sealed record MatchingOptions
{
    /// <summary>The levels each field can take (besides <see cref="AgreementLevel.Missing"/>, which always weighs zero).</summary>
    public static IReadOnlyDictionary<MatchField, IReadOnlyList<AgreementLevel>> LevelsFor { get; } =
        new Dictionary<MatchField, IReadOnlyList<AgreementLevel>>
        {
            [MatchField.GivenName] =
            [
                AgreementLevel.Exact, AgreementLevel.Equivalent, AgreementLevel.Similar,
                AgreementLevel.Partial, AgreementLevel.Approximate, AgreementLevel.Phonetic, AgreementLevel.Swapped, AgreementLevel.Disagree,
            ],
            [MatchField.FamilyName] =
            [
                AgreementLevel.Exact, AgreementLevel.Partial, AgreementLevel.Similar,
                AgreementLevel.Approximate, AgreementLevel.Phonetic, AgreementLevel.Swapped, AgreementLevel.Disagree,
            ],
            [MatchField.DateOfBirth] =
            [
                AgreementLevel.Exact, AgreementLevel.DayMonthSwapped, AgreementLevel.OneDigitOff,
                AgreementLevel.YearOffByOne, AgreementLevel.Disagree,
            ],
            [MatchField.Sex] = [AgreementLevel.Exact, AgreementLevel.Disagree],
            [MatchField.Postcode] =
            [
                AgreementLevel.Exact, AgreementLevel.Sector, AgreementLevel.District, AgreementLevel.AsWritten, AgreementLevel.Similar,
                AgreementLevel.Disagree,
            ],
            [MatchField.NhsNumber] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.UniquePupilNumber] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.PncId] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.Email] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.Phone] = [AgreementLevel.Exact, AgreementLevel.AsWritten, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.Town] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.Address] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Partial, AgreementLevel.Disagree],
            [MatchField.School] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
            [MatchField.Carers] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Partial, AgreementLevel.Disagree],
            [MatchField.OtherIdentifier] = [AgreementLevel.Exact, AgreementLevel.Similar, AgreementLevel.Disagree],
        }.ToFrozenDictionary();

    /// <summary>
    /// The default m/u table. Within each field the m values sum to 1 and so do the u values (given that both values are present).
    /// The weights, log2(m/u), are given beside each line.
    /// </summary>
    public static IReadOnlyDictionary<MatchField, IReadOnlyDictionary<AgreementLevel, LevelProbabilities>> DefaultProbabilities { get; } =
        new Dictionary<MatchField, IReadOnlyDictionary<AgreementLevel, LevelProbabilities>>
        {
            [MatchField.GivenName] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.82, 0.01),          // +6.36 before term-frequency adjustment
                [AgreementLevel.Equivalent] = new(0.06, 0.002),    // +4.91
                [AgreementLevel.Similar] = new(0.04, 0.002),       // +4.32
                [AgreementLevel.Partial] = new(0.02, 0.002),       // +3.32
                [AgreementLevel.Approximate] = new(0.02, 0.003),   // +2.74 (two slips apart)
                [AgreementLevel.Phonetic] = new(0.01, 0.005),      // +1.00
                [AgreementLevel.Swapped] = new(0.01, 0.0001),      // +6.64 (given and family names the wrong way round)
                [AgreementLevel.Disagree] = new(0.02, 0.9759),     // -5.61
            }.ToFrozenDictionary(),
            [MatchField.FamilyName] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.85, 0.005),         // +7.41 before term-frequency adjustment
                [AgreementLevel.Partial] = new(0.04, 0.001),       // +5.32
                [AgreementLevel.Similar] = new(0.04, 0.001),       // +5.32
                [AgreementLevel.Approximate] = new(0.02, 0.002),   // +3.32 (two slips apart)
                [AgreementLevel.Phonetic] = new(0.02, 0.004),      // +2.32
                [AgreementLevel.Swapped] = new(0.01, 0.0001),      // +6.64
                [AgreementLevel.Disagree] = new(0.02, 0.9869),     // -5.62
            }.ToFrozenDictionary(),
            [MatchField.DateOfBirth] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.92, 0.0003),        // +11.58 (about ten birth years of 365 days)
                [AgreementLevel.DayMonthSwapped] = new(0.01, 0.0001), // +6.64
                [AgreementLevel.OneDigitOff] = new(0.03, 0.006),   // +2.32
                [AgreementLevel.YearOffByOne] = new(0.01, 0.0005), // +4.32
                [AgreementLevel.Disagree] = new(0.03, 0.9931),     // -5.05
            }.ToFrozenDictionary(),
            [MatchField.Sex] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.97, 0.5),           // +0.96
                [AgreementLevel.Disagree] = new(0.03, 0.5),        // -4.06
            }.ToFrozenDictionary(),
            [MatchField.Postcode] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.712, 0.0005),       // +10.48
                [AgreementLevel.Sector] = new(0.10, 0.004),        // +4.64
                [AgreementLevel.District] = new(0.06, 0.03),       // +1.00

                // Not UK postcodes, as written (decision 0102): few children here have one, and a code from abroad may
                // cover a town, so the same one is weaker than the same UK postcode; one slip apart weaker still.
                [AgreementLevel.AsWritten] = new(0.004, 0.00002),  // +7.64
                [AgreementLevel.Similar] = new(0.004, 0.0001),     // +5.32
                [AgreementLevel.Disagree] = new(0.12, 0.96538),    // -3.01 (children move)
            }.ToFrozenDictionary(),
            [MatchField.NhsNumber] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.997, 0.000001),     // +19.93
                [AgreementLevel.Similar] = new(0.002, 0.00001),    // +7.64 (both valid, two digits apart: a slip the check digit misses)
                [AgreementLevel.Disagree] = new(0.001, 0.999989),  // -9.97
            }.ToFrozenDictionary(),
            [MatchField.UniquePupilNumber] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.993, 0.000001),     // +19.92
                [AgreementLevel.Similar] = new(0.002, 0.00001),    // +7.64
                [AgreementLevel.Disagree] = new(0.005, 0.999989),  // -7.64 (temporary numbers are replaced)
            }.ToFrozenDictionary(),
            [MatchField.PncId] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.996, 0.000001),     // +19.92
                [AgreementLevel.Similar] = new(0.002, 0.00001),    // +7.64
                [AgreementLevel.Disagree] = new(0.002, 0.999989),  // -8.97
            }.ToFrozenDictionary(),

            // A parent's e-mail or phone is shared by brothers and sisters (the sibling and twin rules still apply), and
            // families change them, so they weigh far less than an identifier and disagreeing costs little.
            [MatchField.Email] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.80, 0.0001),        // +12.97
                [AgreementLevel.Similar] = new(0.05, 0.0001),      // +8.97 (two characters apart: a slip)
                [AgreementLevel.Disagree] = new(0.15, 0.9998),     // -2.74
            }.ToFrozenDictionary(),
            [MatchField.Phone] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.792, 0.0001),       // +12.95
                [AgreementLevel.AsWritten] = new(0.008, 0.00001),  // +9.64 (not a UK number, the same digits: decision 0102)
                [AgreementLevel.Similar] = new(0.05, 0.0005),      // +6.64 (one digit apart)
                [AgreementLevel.Disagree] = new(0.15, 0.99939),    // -2.74
            }.ToFrozenDictionary(),

            // A town is shared by thousands and families move within it or out of it: weak evidence either way, but it
            // tells a child who moved across the town (another postcode) from a stranger.
            [MatchField.Town] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.85, 0.02),          // +5.41 (a town of about 2% of the children)
                [AgreementLevel.Similar] = new(0.05, 0.002),       // +4.64 (mistyped)
                [AgreementLevel.Disagree] = new(0.10, 0.978),      // -3.29 (moved away)
            }.ToFrozenDictionary(),

            // House and street say much what the full postcode says (a postcode is about 15 houses), and a household's
            // children share them: the sibling and twin rules still apply. Another house on the same street is a move.
            [MatchField.Address] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.70, 0.00005),       // +13.77
                [AgreementLevel.Similar] = new(0.08, 0.00001),     // +12.97 (the street mistyped)
                [AgreementLevel.Partial] = new(0.07, 0.001),       // +6.13 (same street, another house or none given)
                [AgreementLevel.Disagree] = new(0.15, 0.99894),    // -2.74 (moved)
            }.ToFrozenDictionary(),

            // A school is shared by hundreds of children and children change school: weak evidence either way.
            [MatchField.School] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.75, 0.005),         // +7.23 (a school of about 0.5% of the children)
                [AgreementLevel.Similar] = new(0.05, 0.0005),      // +6.64 (written a little differently)
                [AgreementLevel.Disagree] = new(0.20, 0.9945),     // -2.31 (changed school)
            }.ToFrozenDictionary(),

            // Brothers and sisters share their parents (the sibling and twin rules hold them apart); one record may name
            // the mother and the other the father, so disagreeing costs little.
            [MatchField.Carers] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.60, 0.0002),        // +11.55
                [AgreementLevel.Similar] = new(0.08, 0.0002),      // +8.64 (a name mistyped)
                [AgreementLevel.Partial] = new(0.07, 0.01),        // +2.81 (a carer's given name only)
                [AgreementLevel.Disagree] = new(0.25, 0.9896),     // -1.98 (another carer named)
            }.ToFrozenDictionary(),

            // Another identifier's quality is unknown (some services number a family, not a child), so it weighs less
            // than an NHS number and never sets aside the twin and sibling rules.
            [MatchField.OtherIdentifier] = new Dictionary<AgreementLevel, LevelProbabilities>
            {
                [AgreementLevel.Exact] = new(0.90, 0.00001),       // +16.46
                [AgreementLevel.Similar] = new(0.02, 0.0001),      // +7.64 (one slip)
                [AgreementLevel.Disagree] = new(0.08, 0.99989),    // -3.64
            }.ToFrozenDictionary(),
        }.ToFrozenDictionary();

    /// <summary>The defaults. Declared after the tables it uses, since static initialisers run in order.</summary>
    public static MatchingOptions Default { get; } = new();

    /// <summary>The m/u table: for each field, for each level it can take, m and u.</summary>
    public IReadOnlyDictionary<MatchField, IReadOnlyDictionary<AgreementLevel, LevelProbabilities>> Probabilities { get; init; } =
        DefaultProbabilities;

    /// <summary>At or above this score a referral links to the known child automatically.</summary>
    public double UpperThreshold { get; init; } = 28;

    /// <summary>Below this score the referral is about a new child; between the thresholds a person decides.</summary>
    public double LowerThreshold { get; init; } = 12;

    /// <summary>
    /// The smallest u a name's frequency can stand for in the term-frequency adjustment, so a name seen once in a
    /// million records weighs log2(m / 0.0001), not log2(m / 0.000001).
    /// </summary>
    public double TermFrequencyFloor { get; init; } = 0.0001;

    /// <summary>
    /// A blocking key that holds more records than this is skipped (identifier keys never are): it would cost more than
    /// it finds, and the other keys still put the true match forward. At a million children only the birth year with
    /// the commonest family names (Jones, Williams, Davies) exceeds 2,000.
    /// </summary>
    public int MaxCandidatesPerKey { get; init; } = 2000;

    /// <summary>
    /// How many known records the thresholds are stated for. A score W means posterior odds of about
    /// 2^(W − log2 N) for a match when a record is compared with N others, so 28 gives 256 to 1 at a million
    /// records. A batch of fewer rows (<see cref="ScaledFor"/>) lowers both thresholds by log2(this / rows) to keep
    /// the same odds; intake searches a team's register and keeps the thresholds as stated.
    /// </summary>
    public int ReferencePopulation { get; init; } = 1_000_000;

    /// <summary>
    /// The smallest number of rows <see cref="ScaledFor"/> scales to. The weights assume fields agree by chance
    /// independently, which holds less well for the few rows of a small batch (a household's children share a family
    /// name, address and sometimes a birth date), so a small batch is scaled as if it had this many rows: at the
    /// default reference the upper threshold never falls below 28 − log2(100) ≈ 21.4.
    /// </summary>
    public const int SmallestScaledPopulation = 10_000;

    /// <summary>
    /// The options for comparing each of <paramref name="records"/> rows with the others: both thresholds lowered by
    /// log2(<see cref="ReferencePopulation"/> / rows) when there are fewer rows than the reference (never raised), so a
    /// decision means the same odds as the stated thresholds do at the reference population.
    /// </summary>
    public MatchingOptions ScaledFor(int records)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        var population = Math.Max(records, SmallestScaledPopulation);
        if (population >= ReferencePopulation)
        {
            return this;
        }

        var lowering = Math.Log2((double)ReferencePopulation / population);
        return this with { UpperThreshold = UpperThreshold - lowering, LowerThreshold = LowerThreshold - lowering };
    }

    /// <summary>A copy with one level's m and u replaced.</summary>
    public MatchingOptions WithProbabilities(MatchField field, AgreementLevel level, double m, double u)
    {
        var table = Probabilities.ToDictionary(f => f.Key, f => f.Value);
        var levels = table.TryGetValue(field, out var existing)
            ? existing.ToDictionary(l => l.Key, l => l.Value)
            : [];
        levels[level] = new LevelProbabilities(m, u);
        table[field] = levels.ToFrozenDictionary();
        return this with { Probabilities = table.ToFrozenDictionary() };
    }
}
