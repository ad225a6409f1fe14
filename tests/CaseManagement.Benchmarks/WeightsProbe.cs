using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;
using static System.FormattableString;

namespace CaseManagement.Benchmarks;

/// <summary>
/// <c>matching weights</c> (decision 0113): what the batch's weight learning (<see cref="WeightEstimator"/>) learned on
/// each labelled set, beside the truth the labels give. For every field's level: the learned m and u; the true m (the
/// level's share among the candidate pairs that are one child, every candidate pair once, whichever row's search found
/// it), the true m within the training session that learns it (pairs whose dates agree for the names and the other
/// fields, pairs whose names agree for the date: what the selection does to m); the true u (among random pairs of two
/// children); both weights and their difference. Then the share of matches λ, learned and true; what clustering gives
/// with the true table in place of the learned one (the ceiling of better estimation with today's fields, levels and
/// rules); and calibration: for every candidate pair, the probability its score before rules stands for (the prior of
/// one in the batch's rows, as the scaled thresholds assume) against the share of pairs in that band that are one child.
/// </summary>
internal static class WeightsProbe
{
    private const int RandomPairs = 300_000;

    private static readonly double[] Bands = [0, 0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.996, 0.9999, 1.000001];

    public static void Run(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets)
    {
        foreach (var (name, labelled) in sets)
        {
            foreach (var identifiers in new[] { false, true })
            {
                var records = identifiers ? labelled.Select(r => r.Record).ToList() : MatchingRunner.WithoutIdentifiers(labelled.Select(r => r.Record));
                var labels = labelled.Select(r => r.PersonId).ToList();
                Probe(output, options, $"{name}, {(identifiers ? "identifiers" : "no identifier")}", records, labels);
            }
        }
    }

    private static void Probe(TextWriter output, MatchingOptions options, string title, List<PersonRecord> records, List<string> labels)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"== Weights learned and true: {title}, {records.Count:N0} rows =="));
        var estimate = WeightEstimator.ForBatch(records, options);
        var learned = estimate.Options;
        var index = CandidateIndex.Build(records);
        var engine = new MatchingEngine(learned.ScaledFor(records.Count), InMemoryNameFrequencies.FromRecords(records));
        var prior = MatchProbability.PriorFor(Math.Max(records.Count, MatchingOptions.SmallestScaledPopulation));

        var all = new Tally();
        var dateSession = new Tally();
        var nameSession = new Tally();
        long candidates = 0, matches = 0;
        var calibration = new (long Pairs, long True, double Predicted)[Bands.Length - 1];
        var afterRules = new (long Pairs, long True, double Predicted)[Bands.Length - 1];
        foreach (var (lower, higher) in index.CandidatePairs(learned.MaxCandidatesPerKey))
        {
            var result = engine.Compare(records[lower], records[higher]);
            var same = string.Equals(labels[lower], labels[higher], StringComparison.Ordinal);
            candidates++;
            Calibrate(calibration, MatchProbability.ProbabilityOf(result.RawScore, prior), same);
            Calibrate(afterRules, MatchProbability.ProbabilityOf(result.Score, prior), same);
            if (!same)
            {
                continue;
            }

            matches++;
            all.Add(result);
            if (Level(result, MatchField.DateOfBirth) == AgreementLevel.Exact)
            {
                dateSession.Add(result);
            }

            if (Level(result, MatchField.GivenName) == AgreementLevel.Exact && Level(result, MatchField.FamilyName) == AgreementLevel.Exact)
            {
                nameSession.Add(result);
            }
        }

        var strangers = new Tally();
        var random = new Random(1);
        for (var n = 0; n < RandomPairs; n++)
        {
            var a = random.Next(records.Count);
            var b = random.Next(records.Count - 1);
            b = b >= a ? b + 1 : b;
            if (!string.Equals(labels[a], labels[b], StringComparison.Ordinal))
            {
                strangers.Add(engine.Compare(records[a], records[b]));
            }
        }

        output.WriteLine("  field | level | learned m | true m | true m in its session | learned u | true u | learned weight | true weight | learned - true");
        var truth = learned;
        var trueMOnly = learned;
        foreach (var field in Enum.GetValues<MatchField>())
        {
            foreach (var level in MatchingOptions.LevelsFor[field])
            {
                var l = learned.Probabilities[field][level];
                var m = all.Share(field, level);
                var session = field == MatchField.DateOfBirth ? nameSession.Share(field, level) : dateSession.Share(field, level);
                var u = strangers.Share(field, level);
                var trueM = m > 0 ? m : l.M;
                var trueU = u > 0 ? u : l.U;
                truth = truth.WithProbabilities(field, level, trueM, trueU);
                trueMOnly = trueMOnly.WithProbabilities(field, level, trueM, l.U);
                var trueWeight = Math.Log2(trueM / trueU);
                output.WriteLine(Invariant(
                    $"  {field} | {level} | {l.M:0.00000} | {Text(m)} | {Text(session)} | {l.U:0.000000} | {Text(u, "0.000000")} | {l.Weight:0.00} | {(m > 0 && u > 0 ? trueWeight.ToString("0.00", CultureInfo.InvariantCulture) : "-")} | {(m > 0 && u > 0 ? (l.Weight - trueWeight).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) : "-")}"));
            }
        }

        output.WriteLine(Invariant(
            $"  candidate pairs {candidates:N0}, of them one child {matches:N0} (true share {matches / (double)Math.Max(1, candidates):0.0000}; learned λ {estimate.MatchShare:0.0000}); in the date session {dateSession.Pairs:N0} true pairs, in the name session {nameSession.Pairs:N0}"));

        output.WriteLine("  clustering with | F1 | P | R | link precision | missed entirely");
        foreach (var (what, used) in new[] { ("learned table", learned), ("true m, learned u", trueMOnly), ("true m and u", truth) })
        {
            var clustered = RecordClusterer.Cluster(records, used);
            var quality = PairwiseEvaluation.Evaluate(labels, clustered);
            var c = quality.Clustering;
            output.WriteLine(Invariant(
                $"  {what} | {c.F1:0.0000} | {c.Precision:0.0000} | {c.Recall:0.0000} | {quality.AutomaticLinks.Precision:0.00000} | {PairwiseEvaluation.MissedEntirely(labels, clustered):N0}"));
        }

        foreach (var (what, bands) in new[] { ("score before rules", calibration), ("score after rules", afterRules) })
        {
            output.WriteLine(Invariant($"  calibration (learned weights, {what}, prior 1 in {1 / prior:N0}): band | candidate pairs | mean predicted | observed one child"));
            for (var b = 0; b < bands.Length; b++)
            {
                var (pairs, trueCount, predicted) = bands[b];
                if (pairs == 0)
                {
                    continue;
                }

                output.WriteLine(Invariant(
                    $"  {Bands[b]:0.####} to {Math.Min(1, Bands[b + 1]):0.####} | {pairs:N0} | {predicted / pairs:0.0000} | {trueCount / (double)pairs:0.0000}"));
            }
        }
    }

    private static void Calibrate((long Pairs, long True, double Predicted)[] bands, double predicted, bool same)
    {
        var band = Math.Clamp(Array.FindLastIndex(Bands, b => b <= predicted), 0, bands.Length - 1);
        bands[band] = (bands[band].Pairs + 1, bands[band].True + (same ? 1 : 0), bands[band].Predicted + predicted);
    }

    private static AgreementLevel Level(MatchResult result, MatchField field) => result.Fields[(int)field].Level;

    private static string Text(double share, string format = "0.00000") =>
        share > 0 ? share.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>Each field's levels counted among present values.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<(MatchField, AgreementLevel), long> _counts = [];
        private readonly Dictionary<MatchField, long> _present = [];

        public long Pairs { get; private set; }

        public void Add(MatchResult result)
        {
            Pairs++;
            foreach (var field in result.Fields)
            {
                if (field.Level == AgreementLevel.Missing)
                {
                    continue;
                }

                _counts[(field.Field, field.Level)] = _counts.GetValueOrDefault((field.Field, field.Level)) + 1;
                _present[field.Field] = _present.GetValueOrDefault(field.Field) + 1;
            }
        }

        /// <summary>The level's share among the pairs where the field is present; 0 when never seen.</summary>
        public double Share(MatchField field, AgreementLevel level) =>
            _present.GetValueOrDefault(field) is > 0 and var present ? _counts.GetValueOrDefault((field, level)) / (double)present : 0;
    }
}
