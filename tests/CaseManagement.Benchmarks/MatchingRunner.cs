using System.Diagnostics;
using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;
using CaseManagement.Web.Pages.Partials;
using Microsoft.Extensions.Configuration;

namespace CaseManagement.Benchmarks;

/// <summary>
/// Matching figures that BenchmarkDotNet does not give: quality against labels, latency percentiles, and the wall
/// time of a batch. Each prints a baseline measured in the same run.
/// <code>
/// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- matching [generality|misses|keys|identifiers|weights|held|clusters|orphans|quality|latency|batch|all] [--rows N] [--known N] [--queries N] [--seed N] [--identifiers] [--top N] [--set NAME] [--no-home-parts] [--as-other-identifier] [--postcodes abroad] [--verbose] [--evidence full]
/// dotnet run -c Release --project tests/CaseManagement.Benchmarks -- matching export --out DIR [--rows N] [--seed N]
/// </code>
/// <c>--evidence full</c> gives latency's and batch's rows a town, house and street, phone and e-mail (<see cref="FullEvidence"/>,
/// decision 0100); without it they carry what the project generator gives, as every figure before decision 0100.
/// The thresholds are read from src/CaseManagement.Web/appsettings.json (section "Matching") and the environment, as
/// the application and the <c>match</c> command read them.
/// </summary>
internal static class MatchingRunner
{
    public const string Verb = "matching";

    public static int Run(string[] args, TextWriter output)
    {
        var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        var seed = Option(args, "--seed", 42);
        var settings = Settings();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}. Thresholds: upper {settings.UpperThreshold}, lower {settings.LowerThreshold} at {settings.ReferencePopulation:N0} records, blocks up to {settings.MaxCandidatesPerKey}."));
        var options = settings.ToOptions();
        switch (what)
        {
            case "quality":
                Quality(output, options, Option(args, "--rows", 20_000), seed);
                break;
            case "latency":
                Latency(output, options, Option(args, "--known", 1_000_000), Option(args, "--queries", 2_000), seed, Evidence(args));
                break;
            case "batch":
                Batch(output, options, Option(args, "--rows", 100_000), seed, Evidence(args));
                break;
            case "generality":
                Generality(output, options, Option(args, "--rows", 10_000), seed, SetFilter(args), !args.Contains("--no-home-parts"), args.Contains("--as-other-identifier"), AbroadPostcodes.Requested(args));
                break;
            case "misses":
                Misses(output, options, Option(args, "--rows", 10_000), seed, args.Contains("--identifiers"), Option(args, "--top", 25), SetFilter(args), !args.Contains("--no-home-parts"), AbroadPostcodes.Requested(args));
                break;
            case "export":
                var folder = OptionText(args, "--out");
                if (folder is null)
                {
                    output.WriteLine("matching export needs --out DIR: the folder the CSV files are written to.");
                    return 2;
                }

                Export(output, options, folder, Option(args, "--rows", 10_000), seed);
                break;
            case "keys":
                KeyProbe.Run(output, options, ChosenSets(args, seed));
                break;
            case "identifiers":
                IdentifierProbe.Run(output, options, ChosenSets(args, seed), args.Contains("--verbose"));
                break;
            case "weights":
                WeightsProbe.Run(output, options, ChosenSets(args, seed));
                break;
            case "held":
                HeldProbe.Run(output, options, ChosenSets(args, seed));
                break;
            case "clusters":
                ClusterProbe.Run(output, options, ChosenSets(args, seed));
                break;
            case "orphans":
                KeyProbe.Orphans(output, options, ChosenSets(args, seed));
                break;
            case "all":
                Generality(output, options, 10_000, seed);
                Quality(output, options, Option(args, "--rows", 20_000), seed);
                Batch(output, options, 100_000, seed, Evidence(args));
                Latency(output, options, Option(args, "--known", 1_000_000), Option(args, "--queries", 2_000), seed, Evidence(args));
                break;
            default:
                output.WriteLine($"Unknown matching benchmark '{what}': use generality, export, misses, keys, identifiers, held, clusters, orphans, quality, latency, batch or all.");
                return 2;
        }

        return 0;
    }

    /// <summary>(a) Precision, recall and F1 on labelled rows, beside a deterministic baseline rule.</summary>
    private static void Quality(TextWriter output, MatchingOptions options, int rows, int seed)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"== Matching quality: {rows:N0} generated referral rows, seed {seed} =="));
        var population = SyntheticReferrals.Generate(rows, seed);
        Describe(output, population);

        var clock = Stopwatch.StartNew();
        var result = RecordClusterer.Cluster(population.Records.Select(r => r.Record).ToList(), options);
        clock.Stop();
        var quality = PairwiseEvaluation.Evaluate(population.Records, result);
        output.WriteLine(Invariant($"  thresholds scaled to {rows:N0} rows: upper {result.UpperThreshold:0.00}, lower {result.LowerThreshold:0.00}"));
        Report(output, "engine (Link pairs, union-find)", quality);
        output.WriteLine(Invariant($"  clusters {result.ClusterCount:N0} (true children {population.Records.Select(r => r.PersonId).Distinct().Count():N0}); {clock.Elapsed.TotalSeconds:0.0} s"));

        // Baseline: the deterministic rule many systems start with: same given and family name keys and date of birth.
        var labels = population.Records.Select(r => r.PersonId).ToList();
        var ruleKeys = population.Records
            .Select(r => r.Record)
            .Select((r, i) => r.DateOfBirth is null || string.IsNullOrEmpty(r.GivenName) || string.IsNullOrEmpty(r.FamilyName)
                ? Invariant($"row {i}")
                : Invariant($"{NameNormaliser.GivenNameKey(r.GivenName)}|{NameNormaliser.FamilyNameKey(r.FamilyName)}|{r.DateOfBirth:yyyy-MM-dd}"))
            .ToList();
        var rule = PairwiseEvaluation.Evaluate(labels, ruleKeys);
        output.WriteLine(Invariant($"  baseline, exact rule (given + family name keys + date of birth): precision {rule.Precision:0.0000} recall {rule.Recall:0.0000} F1 {rule.F1:0.0000}"));

        // The trade-off: the same rows clustered at other configured upper thresholds, each scaled to the rows as the
        // configured one is (the engine caps vetoed pairs relative to the threshold, so each is a full run, not a cut
        // of the pairs above). Beside it, the same generator with no namesakes injected (only chance ones), to show
        // what they cost.
        output.WriteLine("  other configured upper thresholds (as used at this size), same rows | same seed without injected namesakes:");
        var records = population.Records.Select(r => r.Record).ToList();
        var plain = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = rows, Seed = seed, NamesakeShare = 0 });
        var plainRecords = plain.Records.Select(r => r.Record).ToList();
        for (var upper = 25; upper <= 32; upper++)
        {
            var clustered = RecordClusterer.Cluster(records, options with { UpperThreshold = upper });
            var q = PairwiseEvaluation.Evaluate(population.Records, clustered);
            var p = PairwiseEvaluation.Evaluate(plain.Records, RecordClusterer.Cluster(plainRecords, options with { UpperThreshold = upper }));
            output.WriteLine(Invariant(
                $"    {upper} ({clustered.UpperThreshold:0.00}): F1 {q.Clustering.F1:0.0000} (P {q.Clustering.Precision:0.0000} R {q.Clustering.Recall:0.0000}), links {q.AutomaticLinks.PredictedPairs:N0} precision {q.AutomaticLinks.Precision:0.00000} (wrong {q.FalseLinksWithinFamily} in a family, {q.FalseLinksAcrossFamilies} across) | F1 {p.Clustering.F1:0.0000}, link precision {p.AutomaticLinks.Precision:0.00000}"));
        }
    }

    /// <summary>
    /// (d) Generality: the engine on the project's generator and on the independent GeCo-model generator (moderate and
    /// heavy corruption), each without identifiers and with them, beside two exact-key baselines. For each: the
    /// clusters' precision, recall and F1, the automatic links' precision, pairs left for review per true duplicate
    /// row, and true pairs missed entirely (neither linked nor offered for review).
    /// </summary>
    private static void Generality(TextWriter output, MatchingOptions options, int rows, int seed, string? only = null, bool homeParts = true, bool asOtherIdentifier = false, bool postcodesAbroad = false)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"== Generality: {rows:N0} rows from each generator, seed {seed}{(asOtherIdentifier ? ", identifiers given as one issuer's other identifier" : string.Empty)}{(postcodesAbroad ? ", postcodes rewritten to five-digit codes from abroad" : string.Empty)} =="));
        output.WriteLine("  set | method | P | R | F1 | link precision | review pairs per duplicate | true pairs missed entirely");
        foreach (var (name, labelled) in LabelledSets(rows, seed, homeParts, postcodesAbroad).Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var labels = labelled.Select(r => r.PersonId).ToList();
            var duplicates = labelled.Count - labels.Distinct(StringComparer.Ordinal).Count();
            var withIdentifiers = asOtherIdentifier ? AsOtherIdentifier(labelled.Select(r => r.Record)) : labelled.Select(r => r.Record).ToList();
            var withoutIdentifiers = WithoutIdentifiers(withIdentifiers);
            foreach (var (method, records, batchWeights) in new[]
            {
                ("engine, configured weights, no identifier", withoutIdentifiers, false), ("engine, configured weights, identifiers", withIdentifiers, false),
                ("engine (batch's own weights), no identifier", withoutIdentifiers, true), ("engine (batch's own weights), identifiers", withIdentifiers, true),
            })
            {
                var clock = Stopwatch.StartNew();
                var used = batchWeights ? WeightEstimator.ForBatch(records, options).Options : options;
                var result = RecordClusterer.Cluster(records, used);
                clock.Stop();
                var quality = PairwiseEvaluation.Evaluate(labels, result);
                var missed = PairwiseEvaluation.MissedEntirely(labels, result);
                var c = quality.Clustering;
                output.WriteLine(Invariant(
                    $"  {name} | {method} | {c.Precision:0.0000} | {c.Recall:0.0000} | {c.F1:0.0000} | {quality.AutomaticLinks.Precision:0.00000} | {(quality.TruePairsInReview + quality.FalsePairsInReview) / (double)Math.Max(1, duplicates):0.00} | {missed:N0} of {c.TruePairs:N0} ({missed / (double)Math.Max(1, c.TruePairs):P2}); {clock.Elapsed.TotalSeconds:0.0} s"));
            }

            // Exact-key baselines: what grouping on a key alone gives (no review band, so every pair not grouped is missed).
            var nameAndDate = withIdentifiers
                .Select((r, i) => r.DateOfBirth is null || string.IsNullOrEmpty(r.GivenName) || string.IsNullOrEmpty(r.FamilyName)
                    ? Invariant($"row {i}")
                    : Invariant($"{NameNormaliser.GivenNameKey(r.GivenName)}|{NameNormaliser.FamilyNameKey(r.FamilyName)}|{r.DateOfBirth:yyyy-MM-dd}"))
                .ToList();
            var identifier = withIdentifiers
                .Select((r, i) => (asOtherIdentifier ? AddressParts.NormaliseIdentifier(r.OtherIdentifier) : null)
                    ?? PersonIdentifiers.NormaliseNhsNumber(r.NhsNumber) ?? PersonIdentifiers.NormaliseUniquePupilNumber(r.UniquePupilNumber) ?? Invariant($"row {i}"))
                .ToList();
            foreach (var (method, keys) in new[] { ("baseline: name keys + date of birth", nameAndDate), ("baseline: identifier alone", identifier) })
            {
                var b = PairwiseEvaluation.Evaluate(labels, keys);
                output.WriteLine(Invariant(
                    $"  {name} | {method} | {b.Precision:0.0000} | {b.Recall:0.0000} | {b.F1:0.0000} | {b.Precision:0.00000} | 0 | {b.TruePairs - b.CorrectPairs:N0} of {b.TruePairs:N0} ({(b.TruePairs - b.CorrectPairs) / (double)Math.Max(1, b.TruePairs):P2})"));
            }
        }
    }

    /// <summary>
    /// The records of a run "without identifiers": the three national identifiers taken away, as
    /// <see cref="Generality"/> gives them to the engine and <see cref="Export"/> writes them.
    /// </summary>
    internal static List<PersonRecord> WithoutIdentifiers(IEnumerable<PersonRecord> records) =>
        records.Select(r => r with { NhsNumber = null, UniquePupilNumber = null, PncId = null, OtherIdentifier = null, OtherIdentifierIssuer = null }).ToList();

    /// <summary>
    /// The records with their national identifier given instead as an identifier the engine knows nothing about
    /// (<c>--as-other-identifier</c>, issue 18, decision 0103): as an outside set with "one identifier" mapped, each row's
    /// NHS number, else its UPN, else its PNC ID, as written (a mistyped one too), becomes its other identifier with one
    /// issuer for the whole set, and the three national fields are emptied. No check character is read. The generators
    /// are not changed; the exact-key baseline "identifier alone" then groups on the same values.
    /// </summary>
    private static List<PersonRecord> AsOtherIdentifier(IEnumerable<PersonRecord> records) =>
        records.Select(r => r with
        {
            OtherIdentifier = FirstGiven(r.NhsNumber, r.UniquePupilNumber, r.PncId),
            OtherIdentifierIssuer = FirstGiven(r.NhsNumber, r.UniquePupilNumber, r.PncId) is null ? null : "Outside set",
            NhsNumber = null,
            UniquePupilNumber = null,
            PncId = null,
        }).ToList();

    private static string? FirstGiven(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>
    /// The sets <see cref="Generality"/> measures, written for another linker (decision 0086): for each generator, one
    /// CSV without identifiers and one with them, holding exactly the fields the engine is given in that run; beside
    /// each, <c>.engine.csv</c>: the cluster the engine (the batch's own weights, as <see cref="Generality"/>) put each
    /// row in, so the pairs another linker gets right and the engine does not can be counted.
    /// </summary>
    private static void Export(TextWriter output, MatchingOptions options, string folder, int rows, int seed)
    {
        Directory.CreateDirectory(folder);
        output.WriteLine();
        output.WriteLine(Invariant($"== Export: {rows:N0} rows from each generator, seed {seed}, to {folder} =="));
        foreach (var (name, labelled) in LabelledSets(rows, seed))
        {
            var withIdentifiers = labelled.Select(r => r.Record).ToList();
            foreach (var (variant, records) in new[] { ("noid", WithoutIdentifiers(withIdentifiers)), ("id", withIdentifiers) })
            {
                var slug = new string(name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Replace("--", "-", StringComparison.Ordinal);
                var path = Path.Combine(folder, Invariant($"{slug}-seed{seed}-{variant}.csv"));
                var written = LabelledSetExport.Write(path, labelled, records);
                var result = RecordClusterer.Cluster(records, WeightEstimator.ForBatch(records, options).Options);
                CsvFile.Write(
                    Path.ChangeExtension(path, ".engine.csv"),
                    ["row_id", "engine_cluster"],
                    result.ClusterOf.Select((cluster, i) => new[] { Invariant($"{i}"), Invariant($"{cluster}") }));
                var f1 = PairwiseEvaluation.Evaluate(labelled.Select(r => r.PersonId).ToList(), result).Clustering.F1;
                output.WriteLine(Invariant($"  {name} | {variant} | {written:N0} rows, {labelled.Select(r => r.PersonId).Distinct().Count():N0} children | engine F1 {f1:0.0000} | {path}"));
            }
        }
    }

    /// <summary>
    /// (e) Where the engine goes wrong, to find rules that generalise: for each generator (no identifier unless
    /// --identifiers, the batch's weights), the true pairs left apart and the wrong pairs put together, counted by their
    /// pattern of agreement levels, vetoes and decision (levels only: no values are printed), commonest first.
    /// </summary>
    private static void Misses(TextWriter output, MatchingOptions options, int rows, int seed, bool identifiers, int top, string? only = null, bool homeParts = true, bool postcodesAbroad = false)
    {
        foreach (var (name, labelled) in LabelledSets(rows, seed, homeParts, postcodesAbroad).Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var (labels, records, used, result, engine, index, reviewed) = ClusteredSet.Of(labelled, options, identifiers);
            var missed = new Dictionary<string, (int Count, double Score)>(StringComparer.Ordinal);
            var wrong = new Dictionary<string, (int Count, double Score)>(StringComparer.Ordinal);

            // Where the true pairs left apart stand: never compared (blocking), scored as links the clusterer held back,
            // in the review band, or below it (vetoed or too little evidence); and how many carry the same identifier.
            var summary = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal))
            {
                var list = group.ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        if (result.ClusterOf[list[i]] != result.ClusterOf[list[j]])
                        {
                            var blocked = index.FindsEitherWay(list[i], list[j], used.MaxCandidatesPerKey);
                            var match = engine.Compare(records[list[i]], records[list[j]]);
                            Tally(missed, match, blocked ? string.Empty : "NOT BLOCKED ");
                            var (ci, cj) = (result.ClusterOf[list[i]], result.ClusterOf[list[j]]);
                            var where = !blocked ? "never compared (blocking)"
                                : match.Decision == MatchDecision.Link ? "scored Link, held apart by the clusterer"
                                : match.Decision == MatchDecision.Review ? "scored Review"
                                : match.Vetoes.Count > 0 ? "scored NewChild, vetoed" : "scored NewChild";
                            var entirely = reviewed.Contains((Math.Min(ci, cj), Math.Max(ci, cj))) ? "offered for review" : "missed entirely";
                            var identifier = match.Fields.Any(f => f.Field is MatchField.NhsNumber or MatchField.UniquePupilNumber or MatchField.PncId && f.Level == AgreementLevel.Exact)
                                ? ", same valid identifier" : string.Empty;
                            var key = $"{where}, {entirely}{identifier}";
                            summary[key] = summary.GetValueOrDefault(key) + 1;
                        }
                    }
                }
            }

            foreach (var pair in result.Pairs.Where(p => p.Decision == MatchDecision.Link && labels[p.First] != labels[p.Second]))
            {
                Tally(wrong, engine.Compare(records[pair.First], records[pair.Second]), string.Empty);
            }

            var households = Households(labelled, records, engine, index, used, result);

            output.WriteLine();
            output.WriteLine(Invariant($"== {name}, {rows:N0} rows, {(identifiers ? "identifiers" : "no identifier")}: {missed.Values.Sum(v => v.Count):N0} true pairs apart, {wrong.Values.Sum(v => v.Count):N0} wrong links =="));
            foreach (var (where, count) in summary)
            {
                output.WriteLine(Invariant($"  summary {count,5} | {where}"));
            }

            // The review band by score, a point at a time down from the upper threshold: how many of its pairs are the
            // same child and how many are not, and the share of the true ones, so a change of threshold can be weighed
            // before it is made (pairs joined through other rows count as linked, not here).
            var band = new SortedDictionary<int, (int Same, int Different)>();
            foreach (var pair in result.Pairs.Where(p => p.Decision == MatchDecision.Review && result.ClusterOf[p.First] != result.ClusterOf[p.Second]))
            {
                var below = (int)Math.Floor(result.UpperThreshold - pair.Score);
                var (same, different) = band.GetValueOrDefault(below);
                band[below] = labels[pair.First] == labels[pair.Second] ? (same + 1, different) : (same, different + 1);
            }

            foreach (var (below, (same, different)) in band)
            {
                output.WriteLine(Invariant($"  review {below,2} to {below + 1,2} points below the upper threshold ({result.UpperThreshold:0.00}): {same,5} same child, {different,5} different ({same / (double)Math.Max(1, same + different):P1} same)"));
            }

            // The review pairs within two points of the upper threshold by pattern, same child against different: the
            // pairs a rule or a threshold would turn into links first.
            var near = new Dictionary<string, (int Same, int Different)>(StringComparer.Ordinal);
            foreach (var pair in result.Pairs.Where(p => p.Decision == MatchDecision.Review && result.ClusterOf[p.First] != result.ClusterOf[p.Second]
                && p.Score >= result.UpperThreshold - 2))
            {
                var match = engine.Compare(records[pair.First], records[pair.Second]);
                var pattern = string.Join(" ", match.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}"))
                    + (match.Vetoes.Count == 0 ? string.Empty : " veto:" + string.Join(",", match.Vetoes.Select(v => v.Rule)));
                var (same, different) = near.GetValueOrDefault(pattern);
                near[pattern] = labels[pair.First] == labels[pair.Second] ? (same + 1, different) : (same, different + 1);
            }

            foreach (var (pattern, (same, different)) in near.OrderByDescending(n => n.Value.Same + n.Value.Different).Take(Math.Max(top, 15)))
            {
                output.WriteLine(Invariant($"  near {same,4} same {different,4} different | {pattern}"));
            }

            foreach (var line in households)
            {
                output.WriteLine(line);
            }

            foreach (var (what, tally) in new[] { ("apart", missed), ("wrong", wrong) })
            {
                foreach (var (pattern, (count, score)) in tally.OrderByDescending(t => t.Value.Count).Take(top))
                {
                    output.WriteLine(Invariant($"  {what} {count,5} mean {score / count,6:0.0} | {pattern}"));
                }
            }
        }

        static void Tally(Dictionary<string, (int Count, double Score)> tally, MatchResult match, string prefix)
        {
            var pattern = prefix + string.Join(" ", match.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}"))
                + (match.Vetoes.Count == 0 ? string.Empty : " veto:" + string.Join(",", match.Vetoes.Select(v => v.Rule)))
                + $" -> {match.Decision}";
            var (count, score) = tally.GetValueOrDefault(pattern);
            tally[pattern] = (count + 1, score + match.Score);
        }
    }

    /// <summary>
    /// What the "two different valid identifiers" cap does on a set with households (decision 0087): of the pairs of
    /// different children of one household that blocking puts forward, how many the engine links, offers for review or
    /// keeps apart, and how many would score a link without the cap (the cap's work); beside it, how many true pairs the
    /// cap holds at review that would score a link without it (its cost). Empty for a set with no households.
    /// </summary>
    private static List<string> Households(IReadOnlyList<LabelledRecord> labelled, List<PersonRecord> records, MatchingEngine engine, CandidateIndex index, MatchingOptions used, ClusteringResult result)
    {
        var lines = new List<string>();
        if (labelled.All(r => r.FamilyId == r.PersonId))
        {
            return lines;
        }

        var capped = 0;
        var cappedRows = new HashSet<int>();
        var decisions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var linked = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var family in Enumerable.Range(0, labelled.Count).GroupBy(i => labelled[i].FamilyId, StringComparer.Ordinal))
        {
            var rows = family.ToList();
            if (rows.Select(i => labelled[i].PersonId).Distinct(StringComparer.Ordinal).Count() < 2)
            {
                continue;
            }

            for (var a = 0; a < rows.Count; a++)
            {
                for (var b = a + 1; b < rows.Count; b++)
                {
                    var (i, j) = (rows[a], rows[b]);
                    if (labelled[i].PersonId == labelled[j].PersonId || !index.FindsEitherWay(i, j, used.MaxCandidatesPerKey))
                    {
                        continue;
                    }

                    var match = engine.Compare(records[i], records[j]);
                    var identifierCap = match.Vetoes.Any(v => v.Rule == VetoRule.IdentifiersConflict);
                    var wouldLink = identifierCap && match.RawScore >= result.UpperThreshold && match.Vetoes.All(v => v.Rule == VetoRule.IdentifiersConflict);
                    var key = $"{match.Decision}{(identifierCap ? ", different valid identifiers" : string.Empty)}{(wouldLink ? ", a link without that cap" : string.Empty)}"
                        + $"{(result.ClusterOf[i] == result.ClusterOf[j] ? ", put in one cluster" : string.Empty)}";
                    decisions[key] = decisions.GetValueOrDefault(key) + 1;
                    if (match.Decision == MatchDecision.Link)
                    {
                        // Why no twin or sibling rule held the pair: what the rules need (one family name, both dates) is not there.
                        var level = (MatchField f) => match.Fields.First(c => c.Field == f).Level;
                        var why = level(MatchField.GivenName) == AgreementLevel.Missing ? "a given name missing"
                            : level(MatchField.DateOfBirth) == AgreementLevel.Missing ? "a date of birth missing"
                            : level(MatchField.FamilyName) is AgreementLevel.Disagree or AgreementLevel.Missing ? "family names differ (or one missing)"
                            : level(MatchField.DateOfBirth) == AgreementLevel.Exact ? "same date of birth"
                            : "other";
                        linked[why] = linked.GetValueOrDefault(why) + 1;
                    }
                }
            }
        }

        foreach (var group in Enumerable.Range(0, labelled.Count).GroupBy(i => labelled[i].PersonId, StringComparer.Ordinal))
        {
            var rows = group.ToList();
            for (var a = 0; a < rows.Count; a++)
            {
                for (var b = a + 1; b < rows.Count; b++)
                {
                    var (i, j) = (rows[a], rows[b]);
                    if (result.ClusterOf[i] == result.ClusterOf[j])
                    {
                        continue;
                    }

                    var match = engine.Compare(records[i], records[j]);
                    if (match.Vetoes.Count > 0 && match.Vetoes.All(v => v.Rule == VetoRule.IdentifiersConflict) && match.RawScore >= result.UpperThreshold)
                    {
                        capped++;
                        cappedRows.Add(i);
                        cappedRows.Add(j);
                    }
                }
            }
        }

        lines.Add(Invariant($"  households: pairs of different children of one household put forward by blocking, by decision (upper threshold {result.UpperThreshold:0.00}):"));
        foreach (var (key, count) in decisions)
        {
            lines.Add(Invariant($"    household {count,5} | {key}"));
        }

        lines.Add("  households: pairs of different children linked, by what the twin and sibling rules lacked: "
            + string.Join("; ", linked.Select(l => Invariant($"{l.Key} {l.Value:N0}"))));
        lines.Add(Invariant($"  households: true pairs held apart only by the different-identifiers cap that would score a link without it: {capped:N0} (rows {cappedRows.Count:N0})"));
        return lines;
    }

    /// <summary>
    /// One labelled set clustered as <c>misses</c> and <c>keys</c> study it: the batch's own weights, with or without
    /// identifiers, the engine and index to compare any pair again, and the pairs of clusters a review pair joins.
    /// </summary>
    internal sealed record ClusteredSet(List<string> Labels, List<PersonRecord> Records, MatchingOptions Used, ClusteringResult Result, MatchingEngine Engine, CandidateIndex Index, HashSet<(int, int)> Reviewed)
    {
        public static ClusteredSet Of(IReadOnlyList<LabelledRecord> labelled, MatchingOptions options, bool identifiers)
        {
            var records = identifiers ? labelled.Select(r => r.Record).ToList() : WithoutIdentifiers(labelled.Select(r => r.Record));
            var used = WeightEstimator.ForBatch(records, options).Options;
            var result = RecordClusterer.Cluster(records, used);
            var reviewed = new HashSet<(int, int)>();
            foreach (var pair in result.Pairs)
            {
                var (a, b) = (result.ClusterOf[pair.First], result.ClusterOf[pair.Second]);
                reviewed.Add((Math.Min(a, b), Math.Max(a, b)));
            }

            return new ClusteredSet(
                labelled.Select(r => r.PersonId).ToList(),
                records,
                used,
                result,
                new MatchingEngine(used.ScaledFor(records.Count), InMemoryNameFrequencies.FromRecords(records)),
                CandidateIndex.Build(records),
                reviewed);
        }

        /// <summary>Every pair of rows of one child (by label), each once, row order within each child.</summary>
        public IEnumerable<(int First, int Second)> TruePairs()
        {
            foreach (var group in Enumerable.Range(0, Labels.Count).GroupBy(i => Labels[i], StringComparer.Ordinal))
            {
                var list = group.ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        yield return (list[i], list[j]);
                    }
                }
            }
        }
    }

    /// <summary>The value of <c>--set</c> (part of a set's name, e.g. "households"), to study one set alone; null for all.</summary>
    /// <summary>The labelled sets at <c>--rows</c> (10,000 by default), only those whose name contains <c>--set</c> when given.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> ChosenSets(string[] args, int seed) =>
        LabelledSets(Option(args, "--rows", 10_000), seed).Where(s => SetFilter(args) is not { } only || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase));

    private static string? SetFilter(string[] args)
    {
        var at = Array.IndexOf(args, "--set");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>
    /// The labelled sets quality is measured on: the project's generator and the GeCo model, moderate and heavy, and
    /// beside them the GeCo model with households of brothers, sisters and twins (decision 0087).
    /// With <paramref name="postcodesAbroad"/>, every postcode is rewritten to a code from abroad (<see cref="AbroadPostcodes"/>).
    /// </summary>
    private static (string Name, IReadOnlyList<LabelledRecord> Rows)[] LabelledSets(int rows, int seed, bool householdHomeParts = true, bool postcodesAbroad = false)
    {
        (string Name, IReadOnlyList<LabelledRecord> Rows)[] sets =
        [
            ("project generator", SyntheticReferrals.Generate(rows, seed).Records),
            ("GeCo model, moderate", GecoReferrals.Generate(new GecoReferralOptions { Count = rows, Seed = seed }).Population.Records),
            ("GeCo model, heavy", GecoReferrals.Generate(GecoReferralOptions.Heavy(rows, seed)).Population.Records),
            (householdHomeParts ? "GeCo households" : "GeCo households (no house, school or carers)",
                GecoReferrals.Generate(GecoReferralOptions.WithHouseholds(rows, seed) with { Households = new GecoHouseholdOptions { RecordHomeParts = householdHomeParts } }).Population.Records),
        ];
        return postcodesAbroad ? [.. sets.Select(s => (s.Name + ", postcodes abroad", AbroadPostcodes.Rewrite(s.Rows)))] : sets;
    }

    /// <summary>(b) One referral against a register of known children: latency percentiles, beside a small index and a bare Compare.</summary>
    private static void Latency(TextWriter output, MatchingOptions options, int known, int queries, int seed, FullEvidence? evidence)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"== Search latency: one referral against {known:N0} known children, {queries:N0} queries{(evidence is null ? string.Empty : ", full evidence (town, address, phone, e-mail)")} =="));
        var clock = Stopwatch.StartNew();
        var register = WithEvidence(SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = known, Seed = seed, ReferralsPerChild = 1 }), evidence, seed);
        var records = register.Records.Select(r => r.Record).ToList();
        var personOf = register.Records.ToDictionary(r => r.Record.Id, r => r.PersonId);
        output.WriteLine(Invariant($"  generated in {clock.Elapsed.TotalSeconds:0.0} s"));

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var index = CandidateIndex.Build(records);
        var engine = new MatchingEngine(options, InMemoryNameFrequencies.FromRecords(records));
        clock.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine(Invariant($"  index and frequencies built in {clock.Elapsed.TotalSeconds:0.0} s, about {(after - before) / 1_048_576.0:N0} MB"));
        DescribeBlocks(output, index, records, options.MaxCandidatesPerKey);

        // Referrals about known children (a new referral written about the person, with the generator's errors).
        var random = new Random(seed + 1);
        var people = register.People.ToDictionary(p => p.PersonId);
        var probes = new List<(PersonRecord Referral, string PersonId)>(queries);
        for (var i = 0; i < queries; i++)
        {
            var row = register.Records[random.Next(register.Records.Count)];
            var referral = SyntheticReferrals.WriteReferral(people[row.PersonId], Guid.NewGuid(), random);
            probes.Add((evidence?.Give(referral, people[row.PersonId], random) ?? referral, row.PersonId));
        }

        // As many referrals about children the register does not hold (another seed's children): any link is wrong.
        // Their homes and contacts are their own (the generator numbers their households and children from 1 again).
        var strangerEvidence = evidence is null ? null : new FullEvidence(seed + 2);
        var strangers = SyntheticReferrals.Generate(new SyntheticReferralOptions { Count = queries, Seed = seed + 2, ReferralsPerChild = 1 }).People
            .Take(queries)
            .Select(p => (Person: p, Referral: SyntheticReferrals.WriteReferral(p, Guid.NewGuid(), random)))
            .Select(s => strangerEvidence?.Give(s.Referral, s.Person, random) ?? s.Referral)
            .ToList();

        // Warm up (JIT, caches), then time each search.
        foreach (var (referral, _) in probes.Take(200))
        {
            engine.Search(referral, index);
        }

        var times = new double[queries];
        var compared = new int[queries];
        var skipped = new int[queries];
        int first = 0, anywhere = 0, linked = 0;
        var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var search = engine.Search(probes[i].Referral, index);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            compared[i] = search.CandidatesCompared;
            skipped[i] = search.OversizedBlocksSkipped;
            var position = search.Matches.Select((m, at) => (m, at)).FirstOrDefault(x => personOf[x.m.RightId] == probes[i].PersonId);
            if (position.m is not null)
            {
                anywhere++;
                first += position.at == 0 ? 1 : 0;
                linked += position.at == 0 && position.m.Decision == MatchDecision.Link ? 1 : 0;
            }
        }

        var processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        Percentiles(output, Invariant($"search, {known:N0} known"), times);

        // Processor time, not wall time: on a machine others load, a search waits for a core, which wall time counts.
        output.WriteLine(Invariant($"  processor time of those searches (the whole process): {processor.TotalMilliseconds / queries:0.000} ms a search"));
        output.WriteLine(Invariant($"  candidates scored: median {Percentile(compared.Select(c => (double)c).ToArray(), 50):N0}, p95 {Percentile(compared.Select(c => (double)c).ToArray(), 95):N0}, p99 {Percentile(compared.Select(c => (double)c).ToArray(), 99):N0}, max {compared.Max():N0}"));
        output.WriteLine(Invariant($"  blocks over {options.MaxCandidatesPerKey:N0} skipped: in {skipped.Count(s => s > 0):N0} of {queries:N0} searches ({skipped.Count(s => s > 0) / (double)queries:P1}), {skipped.Sum() / (double)queries:0.00} keys a search, at most {skipped.Max():N0}"));
        output.WriteLine(Invariant($"  true child among the results {anywhere:N0}/{queries:N0}, ranked first {first:N0}, ranked first and linked automatically {linked:N0}"));

        // Automatic links at the configured threshold: to the wrong known child, or for a child the register does not hold.
        var wrongForKnown = probes.Sum(p => engine.Search(p.Referral, index).Matches.Count(m => m.Decision == MatchDecision.Link && personOf[m.RightId] != p.PersonId));
        var rightLinks = probes.Sum(p => engine.Search(p.Referral, index).Matches.Count(m => m.Decision == MatchDecision.Link && personOf[m.RightId] == p.PersonId));
        var wrongForStrangers = strangers.Sum(s => engine.Search(s, index).Matches.Count(m => m.Decision == MatchDecision.Link));
        var allLinks = rightLinks + wrongForKnown + wrongForStrangers;
        output.WriteLine(Invariant($"  automatic links: {allLinks:N0} ({rightLinks:N0} right; wrong: {wrongForKnown:N0} to another child, {wrongForStrangers:N0} for the {strangers.Count:N0} children not in the register), precision {(allLinks == 0 ? 1 : rightLinks / (double)allLinks):0.0000}"));
        var wrong = probes.Select(p => (p.PersonId, Matches: engine.Search(p.Referral, index).Matches))
            .SelectMany(p => p.Matches.Where(m => m.Decision == MatchDecision.Link && personOf[m.RightId] != p.PersonId))
            .Concat(strangers.SelectMany(s => engine.Search(s, index).Matches.Where(m => m.Decision == MatchDecision.Link)));
        foreach (var link in wrong.Take(10))
        {
            // Levels only, no values: what agreed for a wrong link.
            output.WriteLine(Invariant($"    wrong link, score {link.Score:0.0}: {string.Join(" ", link.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}"))}"));
        }

        // Baseline 1: the same searches against an index of the first 1,000 known children.
        var small = records.Take(1_000).ToList();
        var smallIndex = CandidateIndex.Build(small);
        var smallEngine = new MatchingEngine(options, InMemoryNameFrequencies.FromRecords(small));
        foreach (var (referral, _) in probes.Take(200))
        {
            smallEngine.Search(referral, smallIndex);
        }

        var smallTimes = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            smallEngine.Search(probes[i].Referral, smallIndex);
            smallTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Percentiles(output, "baseline: search, 1,000 known", smallTimes);

        // Baseline 2: a bare Compare of the referral with its true child (preparation of both records included).
        var rowOfPerson = new Dictionary<string, int>();
        for (var i = 0; i < register.Records.Count; i++)
        {
            rowOfPerson.TryAdd(register.Records[i].PersonId, i);
        }

        var pairs = probes.Take(200).Select(p => (p.Referral, Known: records[rowOfPerson[p.PersonId]])).ToList();
        var compareTimes = new double[queries];
        for (var i = 0; i < queries; i++)
        {
            var (referral, child) = pairs[i % pairs.Count];
            var start = Stopwatch.GetTimestamp();
            engine.Compare(referral, child);
            compareTimes[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Percentiles(output, "baseline: Compare of one pair", compareTimes);
    }

    /// <summary>(c) Batch clustering: wall time at 100,000 rows, beside 10,000 rows on one core and on all.</summary>
    private static void Batch(TextWriter output, MatchingOptions options, int rows, int seed, FullEvidence? evidence)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"== Batch clustering (index, searches on all cores, union-find){(evidence is null ? string.Empty : ", full evidence (town, address, phone, e-mail)")} =="));
        var baseline = WithEvidence(SyntheticReferrals.Generate(rows / 10, seed), evidence, seed).Records.Select(r => r.Record).ToList();
        RecordClusterer.Cluster(baseline.Take(2_000).ToList(), options); // warm up
        var clock = Stopwatch.StartNew();
        RecordClusterer.Cluster(baseline, options, maxDegreeOfParallelism: 1);
        output.WriteLine(Invariant($"  baseline: {baseline.Count:N0} rows, 1 thread: {clock.Elapsed.TotalSeconds:0.00} s"));
        clock.Restart();
        RecordClusterer.Cluster(baseline, options);
        output.WriteLine(Invariant($"  baseline: {baseline.Count:N0} rows, {Environment.ProcessorCount} threads: {clock.Elapsed.TotalSeconds:0.00} s"));

        var population = WithEvidence(SyntheticReferrals.Generate(rows, seed), evidence, seed);
        var records = population.Records.Select(r => r.Record).ToList();
        DescribeBlocks(output, CandidateIndex.Build(records), records, options.MaxCandidatesPerKey);
        clock.Restart();
        var result = RecordClusterer.Cluster(records, options);
        clock.Stop();
        output.WriteLine(Invariant($"  {records.Count:N0} rows, {Environment.ProcessorCount} threads: {clock.Elapsed.TotalSeconds:0.00} s (target 60 s); thresholds {result.UpperThreshold:0.00} and {result.LowerThreshold:0.00}; {result.ClusterCount:N0} clusters, {result.LinkCount:N0} links, {result.CandidatesCompared / (double)records.Count:N0} candidates scored per row"));

        Report(output, "quality at this size", PairwiseEvaluation.Evaluate(population.Records, result));
        OwnWeights(output, options, records);
    }

    /// <summary>
    /// `match` with the batch's own weights, before and after decision 0117, back to back: before, the weights learned
    /// on one thread from an index of their own, then the rows clustered with a second index; after,
    /// <see cref="RecordClusterer.ClusterBatch"/> (one index, the learning on all cores). The learned tables, clusters
    /// and pairs must be the same to the last bit.
    /// </summary>
    private static void OwnWeights(TextWriter output, MatchingOptions options, List<PersonRecord> records)
    {
        var warmUp = records.Take(2_000).ToList();
        RecordClusterer.Cluster(warmUp, WeightEstimator.ForBatch(warmUp, options, maxDegreeOfParallelism: 1).Options);
        RecordClusterer.ClusterBatch(warmUp, options);
        output.WriteLine(Invariant($"  `match` with the batch's own weights, {records.Count:N0} rows (load {Load()}):"));
        var clock = Stopwatch.StartNew();
        var serial = WeightEstimator.ForBatch(records, options, maxDegreeOfParallelism: 1);
        var learning = clock.Elapsed;
        var before = RecordClusterer.Cluster(records, serial.Options);
        clock.Stop();
        output.WriteLine(Invariant($"    before (learning on 1 thread, index built twice): {clock.Elapsed.TotalSeconds:0.00} s, of which learning {learning.TotalSeconds:0.00} s ({serial.CandidatePairs:N0} candidate pairs), clustering {(clock.Elapsed - learning).TotalSeconds:0.00} s; {before.LinkCount:N0} links"));

        clock.Restart();
        var after = RecordClusterer.ClusterBatch(records, options);
        clock.Stop();
        output.WriteLine(Invariant($"    after (ClusterBatch: one index, learning on {Environment.ProcessorCount} threads): {clock.Elapsed.TotalSeconds:0.00} s, of which learning {after.Learning.TotalSeconds:0.00} s, the rest {(clock.Elapsed - after.Learning).TotalSeconds:0.00} s; {after.Result.LinkCount:N0} links (target 60 s; load {Load()})"));

        var sameTable = after.Learned is { } learned && SameTable(serial.Options, learned.Options) && serial.MatchShare.Equals(learned.MatchShare)
            && serial.CandidatePairs == learned.CandidatePairs && serial.Iterations == learned.Iterations;
        var sameResult = before.ClusterOf.SequenceEqual(after.Result.ClusterOf) && before.Pairs.SequenceEqual(after.Result.Pairs);
        output.WriteLine(Invariant($"    same learned table, to the last bit: {(sameTable ? "yes" : "NO")}; same clusters, links and review pairs: {(sameResult ? "yes" : "NO")}"));
    }

    private static bool SameTable(MatchingOptions left, MatchingOptions right) =>
        left.Probabilities.All(field => field.Value.All(level => right.Probabilities[field.Key][level.Key] == level.Value));

    /// <summary>The machine's load average over the last minute (Linux), or "unknown".</summary>
    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>The value of <c>--evidence</c>: <c>full</c> for <see cref="FullEvidence"/>, otherwise none.</summary>
    private static FullEvidence? Evidence(string[] args) =>
        string.Equals(OptionText(args, "--evidence"), "full", StringComparison.OrdinalIgnoreCase) ? new FullEvidence(Option(args, "--seed", 42)) : null;

    /// <summary>The population with its rows given full evidence (<see cref="FullEvidence"/>), or as it is.</summary>
    private static SyntheticPopulation WithEvidence(SyntheticPopulation population, FullEvidence? evidence, int seed)
    {
        if (evidence is null)
        {
            return population;
        }

        var people = population.People.ToDictionary(p => p.PersonId, StringComparer.Ordinal);
        var random = new Random(seed + 3);
        return population with
        {
            Records = population.Records.Select(r => r with { Record = evidence.Give(r.Record, people[r.PersonId], random) }).ToList(),
        };
    }

    /// <summary>
    /// How crowded the index's blocks are (decision 0100): keys a record, the largest blocks with the fields each rests on
    /// (the fields whose removal from a record in the block takes the key away), and the blocks over the limit, which a
    /// search skips.
    /// </summary>
    private static void DescribeBlocks(TextWriter output, CandidateIndex index, IReadOnlyList<PersonRecord> records, int limit)
    {
        var blocks = index.Blocks().ToList();
        var postings = blocks.Sum(b => (long)b.Size);
        var over = blocks.Where(b => b.Size > limit).ToList();
        var sizes = blocks.Select(b => (double)b.Size).ToArray();
        output.WriteLine(Invariant($"  blocks: {blocks.Count:N0} keys, {postings / (double)index.Count:0.0} a record; size p50 {Percentile(sizes, 50):N0}, p99 {Percentile(sizes, 99):N0}, p99.9 {Percentile(sizes, 99.9):N0}; {blocks.Count(b => b.Size > limit / 2):N0} over {limit / 2:N0}; {over.Count:N0} over the limit of {limit:N0} (skipped), holding {over.Sum(b => (long)b.Size):N0} postings"));
        var byId = records.ToDictionary(r => r.Id);
        output.WriteLine("  largest blocks (records | rests on):");
        foreach (var (key, size, firstId) in blocks.OrderByDescending(b => b.Size).Take(15))
        {
            output.WriteLine(Invariant($"    {size,8:N0} | {RestsOn(byId[firstId], key)}{(size > limit ? " (skipped)" : string.Empty)}"));
        }
    }

    /// <summary>The fields a key rests on: those whose removal from the record takes the key away.</summary>
    private static string RestsOn(PersonRecord record, long key)
    {
        var without = new (string Field, PersonRecord Record)[]
        {
            ("given name", record with { GivenName = null, PreferredName = null }),
            ("family name", record with { FamilyName = null }),
            ("date of birth", record with { DateOfBirth = null }),
            ("postcode", record with { Postcode = null }),
            ("town", record with { Town = null }),
            ("house and street", record with { HouseNumber = null, Street = null }),
            ("phone", record with { Phone = null }),
            ("e-mail", record with { Email = null }),
            ("identifiers", record with { NhsNumber = null, UniquePupilNumber = null, PncId = null, OtherIdentifier = null }),
        };
        var fields = without.Where(w => !MatchBlocking.KeysOf(w.Record).Contains(key)).Select(w => w.Field).ToList();
        return fields.Count == 0 ? "(any one field alone)" : string.Join(" + ", fields);
    }

    private static void Describe(TextWriter output, SyntheticPopulation population)
    {
        var present = population.Records.Select(r => r.PersonId).ToHashSet();
        var people = population.People.Where(p => present.Contains(p.PersonId)).ToList();
        output.WriteLine(Invariant(
            $"  {people.Count:N0} children: {people.Count(p => p.Relation == SyntheticRelation.Twin):N0} twins, {people.Count(p => p.Relation == SyntheticRelation.Sibling):N0} in sibling groups, {people.Count(p => p.Relation == SyntheticRelation.Namesake):N0} namesakes"));
    }

    private static void Report(TextWriter output, string what, MatchingQuality quality)
    {
        var c = quality.Clustering;
        var a = quality.AutomaticLinks;
        output.WriteLine(Invariant($"  {what}: precision {c.Precision:0.0000} recall {c.Recall:0.0000} F1 {c.F1:0.0000} (true pairs {c.TruePairs:N0}, predicted {c.PredictedPairs:N0}, correct {c.CorrectPairs:N0})"));
        output.WriteLine(Invariant($"  automatic links: {a.PredictedPairs:N0}, precision {a.Precision:0.00000} (wrong: {quality.FalseLinksWithinFamily:N0} within a family, {quality.FalseLinksAcrossFamilies:N0} across families)"));
        output.WriteLine(Invariant($"  review band: {quality.TruePairsInReview:N0} pairs of the same child, {quality.FalsePairsInReview:N0} of different children"));
    }

    private static void Percentiles(TextWriter output, string what, double[] times) =>
        output.WriteLine(Invariant($"  {what}: p50 {Percentile(times, 50):0.000} ms, p95 {Percentile(times, 95):0.000} ms, p99 {Percentile(times, 99):0.000} ms, max {times.Max():0.000} ms"));

    private static double Percentile(double[] values, double percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    private static MatchingSettings Settings()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        var builder = new ConfigurationBuilder();
        if (directory is not null)
        {
            builder.AddJsonFile(Path.Combine(directory.FullName, "src", "CaseManagement.Web", "appsettings.json"), optional: true);
        }

        var configuration = builder.AddEnvironmentVariables().Build();
        return configuration.GetSection(MatchingSettings.SectionName).Get<MatchingSettings>() ?? new MatchingSettings();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
