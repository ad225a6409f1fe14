using System.Collections.Frozen;
using System.Runtime.InteropServices;

namespace CaseManagement.Application.Matching;

/// <summary>What <see cref="WeightEstimator.Estimate(CandidateIndex, MatchingOptions, int, int, int, CancellationToken)"/> learned, and from how much.</summary>
/// <param name="Options">The options with the learned m and u of every field's levels (thresholds unchanged).</param>
/// <param name="MatchShare">The estimated share of candidate pairs that are the same person (λ), over both sessions.</param>
/// <param name="CandidatePairs">Candidate pairs (sharing a blocking key) the m values were estimated from.</param>
/// <param name="RandomPairs">Random pairs the u values were estimated from.</param>
/// <param name="Iterations">Expectation-maximisation rounds, over both sessions.</param>
public sealed record WeightEstimate(MatchingOptions Options, double MatchShare, long CandidatePairs, long RandomPairs, int Iterations);

/// <summary>
/// Learns the m/u table from unlabelled records, as Splink (the Ministry of Justice's linker) does: u, the chance a
/// level occurs between two different people, from random pairs (nearly all of which are different people); m, its
/// chance between two records of one person, by expectation maximisation over the candidate pairs blocking finds.
/// </summary>
/// <remarks>
/// Pairs found by blocking agree on the blocked fields far more than random pairs do, so a field cannot be learned from
/// pairs selected for agreeing on it. As Splink's training sessions do, m is estimated twice: once over the candidate
/// pairs whose dates of birth agree (the names, postcode, sex and identifiers are learned there) and once over those
/// whose given and family names both agree exactly (the date of birth is learned there; the other fields' m values
/// are the mean of the two sessions). A level never seen keeps its configured m and u. Pure: the same records and
/// options give the same table, to the last bit, on any number of threads (decision 0117): the pairs are compared in
/// ranges of rows on as many threads as allowed, and each range's counts of patterns are merged in range order, which
/// gives the very counts, in the very order, that one thread comparing them one after another gives, so every sum of
/// the expectation maximisation is taken in the same order.
/// </remarks>
public static class WeightEstimator
{
    /// <summary>The smallest m or u a level is given, so no level weighs infinitely.</summary>
    private const double Floor = 0.000001;

    /// <summary>
    /// The fewest rows a batch learns its own weights from by default (<see cref="ForBatch(IReadOnlyList{PersonRecord}, MatchingOptions, int)"/>). Below this the
    /// candidate pairs are too few for expectation maximisation to tell the levels apart, and the configured table,
    /// set for a whole population, is the better guess.
    /// </summary>
    public const int SmallestBatchToLearnFrom = 1_000;

    private static readonly MatchField[] Fields = Enum.GetValues<MatchField>();

    /// <summary>
    /// Fields whose agreement between two different people is all but impossible (issued numbers, contact details) or
    /// rare enough that a child's own rows are most of the random pairs that agree (the postcode: one in 150,000 pairs of
    /// strangers, decision 0113): their u is learned from random pairs weighed by the chance they are two people.
    /// </summary>
    private static readonly MatchField[] RarelySharedByStrangers =
        [MatchField.NhsNumber, MatchField.UniquePupilNumber, MatchField.PncId, MatchField.Email, MatchField.Phone, MatchField.OtherIdentifier, MatchField.Postcode];
    private static readonly int LevelCount = Enum.GetValues<AgreementLevel>().Length;

    /// <summary>
    /// How many rows' candidate pairs one thread compares at a time: small enough that two threads stay evenly loaded
    /// to the end (a range of crowded blocks takes longer than one of rare names), large enough that a range's counts,
    /// a few thousand patterns, are few to merge.
    /// </summary>
    private const int RowsPerRange = 1_000;

    /// <summary>How many random pairs one thread compares at a time.</summary>
    private const int RandomPairsPerRange = 10_000;

    /// <summary>Estimates the table from the records themselves.</summary>
    /// <param name="records">The records (a batch, or the known children); at least two.</param>
    /// <param name="options">The starting table (m values start EM; unseen levels keep theirs) and the blocking limit.</param>
    /// <param name="randomPairs">How many random pairs to draw for u.</param>
    /// <param name="seed">The seed for drawing them.</param>
    /// <param name="maxDegreeOfParallelism">Threads to compare pairs on; -1 for all cores. One by default: the
    /// register's re-estimation runs beside intake on the server. The table is the same whatever the number.</param>
    public static WeightEstimate Estimate(IReadOnlyList<PersonRecord> records, MatchingOptions options, int randomPairs = 300_000, int seed = 1, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        return records.Count < 2
            ? new WeightEstimate(options, 0, 0, 0, 0)
            : Estimate(CandidateIndex.Build(records), options, randomPairs, seed, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Estimates the table from the records of an index already built (a batch that is clustered afterwards with the
    /// same index builds it once).
    /// </summary>
    /// <param name="index">The records, prepared and indexed; at least two.</param>
    /// <param name="options">The starting table (m values start EM; unseen levels keep theirs) and the blocking limit.</param>
    /// <param name="randomPairs">How many random pairs to draw for u.</param>
    /// <param name="seed">The seed for drawing them.</param>
    /// <param name="maxDegreeOfParallelism">Threads to compare pairs on; -1 for all cores. The table is the same whatever the number.</param>
    /// <param name="cancellationToken">Stops the comparing of pairs (<see cref="OperationCanceledException"/>).</param>
    public static WeightEstimate Estimate(
        CandidateIndex index,
        MatchingOptions options,
        int randomPairs = 300_000,
        int seed = 1,
        int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(randomPairs);
        if (maxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Give a number of threads, or -1 for all cores.");
        }

        if (index.Count < 2)
        {
            return new WeightEstimate(options, 0, 0, 0, 0);
        }

        var threads = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        var randomPatterns = RandomPairLevels(index, randomPairs, seed, threads);
        var u = Normalise(Counts(randomPatterns, weights: null), smoothing: 0);

        // Candidate pairs, each once whichever row's search found it (decision 0113), counted by their pattern of levels.
        var (patterns, candidates) = CandidatePatterns(index, options.MaxCandidatesPerKey, threads);

        var byDate = patterns.Where(p => p.Key.DateOfBirth == AgreementLevel.Exact).ToList();
        var byName = patterns.Where(p => p.Key.GivenName == AgreementLevel.Exact && p.Key.FamilyName == AgreementLevel.Exact).ToList();
        var (learnedM, shareDate, shareName, rounds) = Sessions(byDate, byName, options, u);

        // u again without the random pairs that are one person, for the fields two different people (almost) never
        // share, and the postcode: there the random pairs that agree are mostly one person (GeCo heavy: u 0.000139
        // learned, 0.000009 among strangers, decision 0113). Names, date of birth, town and the rest keep the u of all
        // random pairs: people truly alike (namesakes born the same day) agree on several of those at once, which
        // independent fields do not allow for, and the higher u leaves that margin. (Corrected for every field, link
        // precision on the project's generator fell below 0.995 on seed 7. Learning m once more with the corrected u
        // changed F1 by less than 0.001, so it is not done.)
        var withoutMatches = WithoutMatches(randomPatterns, learnedM, u, options, index.Count);
        foreach (var field in RarelySharedByStrangers)
        {
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                u[Slot(field, level)] = withoutMatches[Slot(field, level)];
            }
        }

        var table = new Dictionary<MatchField, IReadOnlyDictionary<AgreementLevel, LevelProbabilities>>();
        foreach (var field in Fields)
        {
            var levels = new Dictionary<AgreementLevel, LevelProbabilities>();
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                var configured = options.Probabilities[field][level];
                var slot = Slot(field, level);
                var m = learnedM[slot];
                var learnedU = u[slot];
                levels[level] = new LevelProbabilities(
                    double.IsNaN(m) ? configured.M : Math.Max(m, Floor),
                    double.IsNaN(learnedU) ? configured.U : Math.Max(learnedU, Floor));
            }

            table[field] = levels.ToFrozenDictionary();
        }

        return new WeightEstimate(
            options with { Probabilities = table.ToFrozenDictionary() },
            (shareDate + shareName) / 2,
            candidates,
            randomPairs,
            rounds);
    }

    /// <summary>
    /// The weights a batch uses by default: learned from its own rows when it holds at least
    /// <see cref="SmallestBatchToLearnFrom"/> of them (the data says how reliable each field is there better than a
    /// table set for another population), the configured table otherwise (<see cref="WeightEstimate.CandidatePairs"/> 0).
    /// </summary>
    /// <param name="records">The batch's rows.</param>
    /// <param name="options">The configured table, and the blocking limit.</param>
    /// <param name="maxDegreeOfParallelism">Threads to compare pairs on; -1 (the default) for all cores, as the batch's
    /// clustering uses them. The table is the same whatever the number.</param>
    public static WeightEstimate ForBatch(IReadOnlyList<PersonRecord> records, MatchingOptions options, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records.Count >= SmallestBatchToLearnFrom ? Estimate(records, options, maxDegreeOfParallelism: maxDegreeOfParallelism) : new WeightEstimate(options, 0, 0, 0, 0);
    }

    /// <summary>As <see cref="ForBatch(IReadOnlyList{PersonRecord}, MatchingOptions, int)"/>, from the batch's index already built.</summary>
    /// <param name="index">The batch's rows, prepared and indexed.</param>
    /// <param name="options">The configured table, and the blocking limit.</param>
    /// <param name="maxDegreeOfParallelism">Threads to compare pairs on; -1 (the default) for all cores.</param>
    /// <param name="cancellationToken">Stops the comparing of pairs (<see cref="OperationCanceledException"/>).</param>
    public static WeightEstimate ForBatch(CandidateIndex index, MatchingOptions options, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Count >= SmallestBatchToLearnFrom
            ? Estimate(index, options, maxDegreeOfParallelism: maxDegreeOfParallelism, cancellationToken: cancellationToken)
            : new WeightEstimate(options, 0, 0, 0, 0);
    }

    /// <summary>
    /// Every candidate pair's pattern of levels, counted, and how many pairs: the rows in ranges of
    /// <paramref name="rowsPerRange"/>, a range to a thread, each range's counts merged in range order. A pattern first
    /// seen in an earlier range comes first, and within a range in the order seen, which is the order of the pairs one
    /// after another (<see cref="CandidateIndex.CandidatePairsOfRows"/>): the same dictionary, in the same order, as one
    /// thread counting them all. The ranges go in waves of four per thread, each wave's dictionaries merged and dropped
    /// before the next starts, so a whole register (a thousand ranges of thousands of patterns) never holds more than a
    /// wave's; on one thread the pairs are counted straight into the merged dictionary.
    /// </summary>
    internal static (Dictionary<FieldLevels, long> Patterns, long Pairs) CandidatePatterns(
        CandidateIndex index,
        int maxCandidatesPerKey,
        ParallelOptions threads,
        int rowsPerRange = RowsPerRange)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowsPerRange);
        var ranges = (index.Count + rowsPerRange - 1) / rowsPerRange;
        var merged = new Dictionary<FieldLevels, long>();
        long pairs = 0;
        if (threads.MaxDegreeOfParallelism == 1)
        {
            for (var range = 0; range < ranges; range++)
            {
                threads.CancellationToken.ThrowIfCancellationRequested();
                pairs += CountRange(index, maxCandidatesPerKey, range, rowsPerRange, merged);
            }

            return (merged, pairs);
        }

        var degree = threads.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : threads.MaxDegreeOfParallelism;
        var wave = 4 * degree;
        var counted = new Dictionary<FieldLevels, long>[Math.Min(wave, ranges)];
        for (var first = 0; first < ranges; first += wave)
        {
            var inWave = Math.Min(wave, ranges - first);
            var from = first;
            Parallel.For(0, inWave, threads, n =>
            {
                var patterns = new Dictionary<FieldLevels, long>();
                CountRange(index, maxCandidatesPerKey, from + n, rowsPerRange, patterns);
                counted[n] = patterns;
            });

            for (var n = 0; n < inWave; n++)
            {
                foreach (var (levels, count) in counted[n])
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(merged, levels, out _) += count;
                    pairs += count;
                }

                counted[n] = null!;
            }
        }

        return (merged, pairs);
    }

    /// <summary>Counts one range of rows' candidate pairs' patterns into <paramref name="patterns"/>; returns how many pairs.</summary>
    private static long CountRange(CandidateIndex index, int maxCandidatesPerKey, int range, int rowsPerRange, Dictionary<FieldLevels, long> patterns)
    {
        long pairs = 0;
        var to = Math.Min(index.Count, (range + 1) * rowsPerRange);
        foreach (var (lower, higher) in index.CandidatePairsOfRows(maxCandidatesPerKey, range * rowsPerRange, to))
        {
            var levels = FieldComparer.Compare(index.Record(lower), index.Record(higher), out _);
            CollectionsMarshal.GetValueRefOrAddDefault(patterns, levels, out _)++;
            pairs++;
        }

        return pairs;
    }

    private static int Slot(MatchField field, AgreementLevel level) => ((int)field * LevelCount) + (int)level;

    /// <summary>
    /// m from both training sessions: the names (and the fields other than the date of birth) among pairs whose dates
    /// agree, the date among pairs whose names agree, the other fields the mean of the two.
    /// </summary>
    private static (double[] M, double ShareDate, double ShareName, int Rounds) Sessions(
        List<KeyValuePair<FieldLevels, long>> byDate,
        List<KeyValuePair<FieldLevels, long>> byName,
        MatchingOptions options,
        double[] u)
    {
        var (mDate, shareDate, roundsDate) = Maximise(byDate, options, u, [MatchField.DateOfBirth]);
        var (mName, shareName, roundsName) = Maximise(byName, options, u, [MatchField.GivenName, MatchField.FamilyName]);
        var m = new double[mDate.Length];
        foreach (var field in Fields)
        {
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                var slot = Slot(field, level);
                m[slot] = field switch
                {
                    MatchField.GivenName or MatchField.FamilyName => mDate[slot],
                    MatchField.DateOfBirth => mName[slot],
                    _ => double.IsNaN(mDate[slot]) ? mName[slot] : double.IsNaN(mName[slot]) ? mDate[slot] : (mDate[slot] + mName[slot]) / 2,
                };
            }
        }

        return (m, shareDate, shareName, roundsDate + roundsName);
    }

    /// <summary>
    /// The random pairs' patterns of levels, counted: the pairs drawn in order from the seed, compared in ranges on the
    /// threads allowed (each pair's levels in its own slot), then counted in the order drawn.
    /// </summary>
    internal static Dictionary<FieldLevels, long> RandomPairLevels(CandidateIndex index, int pairs, int seed, ParallelOptions threads)
    {
        var drawn = new (int A, int B)[pairs];
        var random = new Random(seed);
        for (var n = 0; n < pairs; n++)
        {
            var a = random.Next(index.Count);
            var b = random.Next(index.Count - 1);
            drawn[n] = (a, b >= a ? b + 1 : b);
        }

        var levels = new FieldLevels[pairs];
        Parallel.For(0, (pairs + RandomPairsPerRange - 1) / RandomPairsPerRange, threads, range =>
        {
            var to = Math.Min(pairs, (range + 1) * RandomPairsPerRange);
            for (var n = range * RandomPairsPerRange; n < to; n++)
            {
                levels[n] = FieldComparer.Compare(index.Record(drawn[n].A), index.Record(drawn[n].B), out _);
            }
        });

        var patterns = new Dictionary<FieldLevels, long>();
        foreach (var pattern in levels)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(patterns, pattern, out _)++;
        }

        return patterns;
    }

    /// <summary>Each level's count among present values, every pattern weighed by <paramref name="weights"/> (1 when null).</summary>
    private static double[] Counts(Dictionary<FieldLevels, long> patterns, Func<FieldLevels, double>? weights)
    {
        var counts = new double[Fields.Length * LevelCount];
        foreach (var (levels, count) in patterns)
        {
            var weight = count * (weights?.Invoke(levels) ?? 1);
            foreach (var field in Fields)
            {
                if (levels[field] != AgreementLevel.Missing)
                {
                    counts[Slot(field, levels[field])] += weight;
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// u again, from the random pairs that are not the same person. In a batch where most people have a second row, a
    /// few random pairs in ten thousand are one person, and for a field that two different people almost never share
    /// (an identifier, an e-mail address, a phone number) they are most of the pairs that agree: counted as chance
    /// agreement they make an agreeing NHS number weigh 12 instead of 20. Each random pair is weighed by the chance it is
    /// two people, by the learned m and u (m held fixed, the share of matches among random pairs learned, starting from
    /// one in as many pairs as there are rows), as the mixture expectation maximisation of the candidate pairs does.
    /// </summary>
    private static double[] WithoutMatches(Dictionary<FieldLevels, long> patterns, double[] m, double[] u, MatchingOptions options, int rows)
    {
        var share = 1.0 / Math.Max(2, rows);
        for (var round = 0; round < 20; round++)
        {
            var current = u;
            var currentShare = share;
            double matched = 0, total = 0;
            var apart = new Dictionary<FieldLevels, double>(patterns.Count);
            foreach (var (levels, count) in patterns)
            {
                var logRatio = 0.0;
                foreach (var field in Fields)
                {
                    var level = levels[field];
                    if (level == AgreementLevel.Missing)
                    {
                        continue;
                    }

                    var slot = Slot(field, level);
                    var configured = options.Probabilities[field][level];
                    var mm = double.IsNaN(m[slot]) ? configured.M : Math.Max(m[slot], Floor);
                    var uu = double.IsNaN(current[slot]) ? configured.U : Math.Max(current[slot], Floor);
                    logRatio += Math.Log(mm / uu);
                }

                var odds = Math.Log(currentShare / (1 - currentShare)) + logRatio;
                var probability = odds > 30 ? 1 : odds < -30 ? 0 : 1 / (1 + Math.Exp(-odds));
                apart[levels] = 1 - probability;
                matched += probability * count;
                total += count;
            }

            var next = Normalise(Counts(patterns, levels => apart[levels]), smoothing: 0);
            share = Math.Clamp(matched / Math.Max(1, total), 1e-9, 0.5);
            var change = 0.0;
            for (var i = 0; i < next.Length; i++)
            {
                // A level seen only among pairs that are one person keeps the smallest u rather than none.
                next[i] = double.IsNaN(next[i]) && !double.IsNaN(current[i]) ? Floor : next[i];
                change = double.IsNaN(next[i]) ? change : Math.Max(change, Math.Abs(next[i] - current[i]));
            }

            u = next;
            if (change < 1e-7)
            {
                break;
            }
        }

        return u;
    }

    /// <summary>
    /// Expectation maximisation of m over one session's pattern counts, u held fixed; the fields in
    /// <paramref name="blocked"/> are left out of the likelihood (every pair agrees on them) and their m is not learned.
    /// </summary>
    private static (double[] M, double Share, int Rounds) Maximise(
        List<KeyValuePair<FieldLevels, long>> patterns,
        MatchingOptions options,
        double[] u,
        MatchField[] blocked)
    {
        var m = new double[Fields.Length * LevelCount];
        foreach (var field in Fields)
        {
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                m[Slot(field, level)] = options.Probabilities[field][level].M;
            }
        }

        var share = 0.1;
        var rounds = 0;
        var learned = new double[m.Length];
        for (; rounds < 50 && patterns.Count > 0; rounds++)
        {
            Array.Clear(learned);
            double matched = 0, total = 0;
            foreach (var (levels, count) in patterns)
            {
                var logRatio = 0.0;
                foreach (var field in Fields)
                {
                    var level = levels[field];
                    if (level == AgreementLevel.Missing || blocked.Contains(field))
                    {
                        continue;
                    }

                    var slot = Slot(field, level);
                    var uu = double.IsNaN(u[slot]) ? options.Probabilities[field][level].U : Math.Max(u[slot], Floor);
                    logRatio += Math.Log(Math.Max(m[slot], Floor) / uu);
                }

                // P(match | pattern) = λ r / (λ r + 1 − λ), with r the likelihood ratio, kept finite for large r.
                var odds = Math.Log(share / (1 - share)) + logRatio;
                var probability = odds > 30 ? 1 : odds < -30 ? 0 : 1 / (1 + Math.Exp(-odds));
                matched += probability * count;
                total += count;
                foreach (var field in Fields)
                {
                    var level = levels[field];
                    if (level != AgreementLevel.Missing && !blocked.Contains(field))
                    {
                        learned[Slot(field, level)] += probability * count;
                    }
                }
            }

            var next = Normalise(learned, smoothing: 0.5);
            var change = Math.Abs((matched / total) - share);
            for (var i = 0; i < m.Length; i++)
            {
                if (!double.IsNaN(next[i]))
                {
                    change = Math.Max(change, Math.Abs(next[i] - m[i]));
                    m[i] = next[i];
                }
            }

            share = Math.Clamp(matched / total, 0.000001, 0.999999);
            if (change < 0.00001)
            {
                break;
            }
        }

        foreach (var field in blocked)
        {
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                m[Slot(field, level)] = double.NaN;
            }
        }

        return (m, share, rounds);
    }

    /// <summary>Each field's counts as shares of the field's total (add-<paramref name="smoothing"/> over the levels seen); NaN where nothing of a field was seen.</summary>
    private static double[] Normalise(double[] counts, double smoothing)
    {
        var shares = new double[counts.Length];
        Array.Fill(shares, double.NaN);
        foreach (var field in Fields)
        {
            var levels = MatchingOptions.LevelsFor[field];
            var total = levels.Sum(level => counts[Slot(field, level)]);
            if (total <= 0)
            {
                continue;
            }

            // A level never seen learns nothing (NaN): it keeps its configured value rather than weighing without limit.
            foreach (var level in levels)
            {
                var slot = Slot(field, level);
                shares[slot] = counts[slot] > 0 ? (counts[slot] + smoothing) / (total + (smoothing * levels.Count)) : double.NaN;
            }
        }

        return shares;
    }
}
