using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// (i) Where F1 is lost, counted on clusters, not pairs (issue 18, session 13, decision 0104): pairwise F1 counts every
/// pair of a child's rows, so one row left out of a child's five costs four true pairs. For each set, without and with
/// identifiers, every child whose rows the batch split is taken apart into the pieces it was left in; each pair of
/// pieces (the true pairs between them) is counted by the shape of the split (one row apart from a child of three or
/// more, or otherwise), by the strongest pair of rows between the two pieces' clusters (what holds them apart: the
/// clusterer with a link-scored pair, a rule that caps a pair scoring above the upper threshold, the review band with
/// no rule, or nothing above the lower threshold), and by what the identifiers of the two pieces say (the same valid
/// one, one slip apart, different, none). Beside them, the same count of the pieces' clusters' other rows: whether the
/// clusters hold a second child (rows of another label), which a merge of the two clusters would join wrongly.
/// Levels and classes only: no values are printed.
/// </summary>
internal static class ClusterProbe
{
    public static void Run(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets)
    {
        foreach (var (name, labelled) in sets)
        {
            foreach (var identifiers in new[] { false, true })
            {
                var set = MatchingRunner.ClusteredSet.Of(labelled, options, identifiers);
                var (labels, records, _, result, engine, _, reviewed) = set;
                var rowsOfCluster = Enumerable.Range(0, records.Count).GroupBy(i => result.ClusterOf[i]).ToDictionary(g => g.Key, g => g.ToList());
                var tally = new SortedDictionary<string, (int Pairs, int Splits)>(StringComparer.Ordinal);
                var lost = 0;
                foreach (var child in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal))
                {
                    var pieces = child.GroupBy(i => result.ClusterOf[i]).Select(g => g.ToList()).ToList();
                    if (pieces.Count < 2)
                    {
                        continue;
                    }

                    var size = child.Count();
                    for (var p = 0; p < pieces.Count; p++)
                    {
                        for (var q = p + 1; q < pieces.Count; q++)
                        {
                            var (left, right) = (pieces[p], pieces[q]);
                            var pairs = left.Count * right.Count;
                            lost += pairs;
                            var shape = size >= 3 && (left.Count == 1 || right.Count == 1) ? "one row apart from 3+"
                                : size >= 3 ? "pieces of 3+" : "a pair";
                            var (cl, cr) = (result.ClusterOf[left[0]], result.ClusterOf[right[0]]);
                            var hold = Hold(rowsOfCluster[cl], rowsOfCluster[cr], records, engine, result);
                            var offered = reviewed.Contains((Math.Min(cl, cr), Math.Max(cl, cr))) ? "offered" : "MISSED";
                            var id = Identifiers(left, right, records, engine);
                            var strangers = rowsOfCluster[cl].Concat(rowsOfCluster[cr]).Any(r => labels[r] != child.Key) ? " | a merge joins another child" : string.Empty;
                            var key = $"{shape,-22} | {hold} | {offered} | id {id}{strangers}";
                            var (n, s) = tally.GetValueOrDefault(key);
                            tally[key] = (n + pairs, s + 1);
                        }
                    }
                }

                output.WriteLine();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}, {(identifiers ? "identifiers" : "no identifier")}: {lost:N0} true pairs apart, by the pieces of each child ==") );
                foreach (var (key, (pairs, splits)) in tally.OrderByDescending(t => t.Value.Pairs))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pieces {pairs,5} pairs {splits,4} splits | {key}"));
                }

                foreach (var shape in tally.GroupBy(t => t.Key.Split(" | ")[0].Trim()))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  shape {shape.Sum(t => t.Value.Pairs),5} pairs {shape.Sum(t => t.Value.Splits),4} splits | {shape.Key}"));
                }

                foreach (var hold in tally.GroupBy(t => t.Key.Split(" | ")[1].Split(':')[0].Trim()))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  held  {hold.Sum(t => t.Value.Pairs),5} pairs {hold.Sum(t => t.Value.Splits),4} splits | {hold.Key}"));
                }

                Merges(output, labels, records, engine, result, rowsOfCluster);
            }
        }
    }

    /// <summary>
    /// What a merge of two clusters would gain and cost, by its shape: every two clusters a review pair joins, counted by
    /// the rules capping their strongest pair (raw score), whether that raw score reaches the upper threshold, the smaller
    /// cluster's size, how many rows of the larger one the smaller reaches at the upper threshold (raw), and whether a
    /// third cluster comes within three points of it. Same child: the true pairs a merge would gain; different: the
    /// wrong pairs it would add.
    /// </summary>
    private static void Merges(TextWriter output, List<string> labels, List<PersonRecord> records, MatchingEngine engine, ClusteringResult result, Dictionary<int, List<int>> rowsOfCluster)
    {
        var best = new Dictionary<(int, int), double>();
        foreach (var pair in result.Pairs)
        {
            var (a, b) = (result.ClusterOf[pair.First], result.ClusterOf[pair.Second]);
            if (a == b)
            {
                continue;
            }

            var key = (Math.Min(a, b), Math.Max(a, b));
            var raw = engine.Compare(records[pair.First], records[pair.Second]).RawScore;
            if (!best.TryGetValue(key, out var existing) || raw > existing)
            {
                best[key] = raw;
            }
        }

        var bestOf = new Dictionary<int, List<(int Other, double Raw)>>();
        foreach (var ((a, b), raw) in best)
        {
            (bestOf.TryGetValue(a, out var la) ? la : bestOf[a] = []).Add((b, raw));
            (bestOf.TryGetValue(b, out var lb) ? lb : bestOf[b] = []).Add((a, raw));
        }

        var tally = new SortedDictionary<string, (int Same, int Different)>(StringComparer.Ordinal);
        foreach (var ((a, b), _) in best)
        {
            var (small, big) = rowsOfCluster[a].Count <= rowsOfCluster[b].Count ? (a, b) : (b, a);
            MatchResult? strongest = null;
            var reached = new HashSet<int>();
            foreach (var x in rowsOfCluster[small])
            {
                foreach (var y in rowsOfCluster[big])
                {
                    var match = engine.Compare(records[x], records[y]);
                    if (match.RawScore >= result.UpperThreshold)
                    {
                        reached.Add(y);
                    }

                    if (strongest is null || match.RawScore > strongest.RawScore)
                    {
                        strongest = match;
                    }
                }
            }

            var rules = string.Join(",", strongest!.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).Select(v => v.Rule).Distinct().Order());
            var rival = bestOf[small].Any(o => o.Other != big && o.Raw >= strongest.RawScore - 3)
                || bestOf[big].Any(o => o.Other != small && o.Raw >= strongest.RawScore - 3 && rowsOfCluster[o.Other].Count == 1);
            var bigSize = rowsOfCluster[big].Count;
            var reach = reached.Count == 0 ? "none" : reached.Count == bigSize ? "all" : reached.Count >= 2 ? "2+" : "1";
            var band = strongest.RawScore >= result.UpperThreshold ? "raw>=upper" : $"raw {Math.Ceiling(result.UpperThreshold - strongest.RawScore),2} below";
            var key = $"{(rules.Length == 0 ? "no rule" : rules),-40} | {band} | small {Math.Min(rowsOfCluster[small].Count, 3)} big {Math.Min(bigSize, 4)} | reach {reach,-4} | {(rival ? "rival" : "alone")}";
            var sameChild = Majority(rowsOfCluster[small], labels) == Majority(rowsOfCluster[big], labels);
            var pairs = 0;
            var wrong = 0;
            foreach (var x in rowsOfCluster[small])
            {
                foreach (var y in rowsOfCluster[big])
                {
                    if (labels[x] == labels[y]) pairs++; else wrong++;
                }
            }

            var (s0, d0) = tally.GetValueOrDefault(key);
            tally[key] = (s0 + pairs, d0 + wrong);
        }

        foreach (var (key, (same, different)) in tally.Where(t => t.Value.Same + t.Value.Different >= 3).OrderByDescending(t => t.Value.Same))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  merge gains {same,5} costs {different,5} | {key}"));
        }

        static string Majority(List<int> rows, List<string> labels) =>
            rows.GroupBy(r => labels[r], StringComparer.Ordinal).OrderByDescending(g => g.Count()).First().Key;
    }

    /// <summary>
    /// What holds two clusters apart, read from the strongest pair of rows between them (by the score before any rule):
    /// a link-scored pair the clusterer held back; a rule capping a pair scoring above the upper threshold (named); the
    /// review band with no rule (how far below the upper threshold); or nothing at or above the lower threshold.
    /// </summary>
    private static string Hold(List<int> left, List<int> right, List<PersonRecord> records, MatchingEngine engine, ClusteringResult result)
    {
        MatchResult? best = null;
        foreach (var x in left)
        {
            foreach (var y in right)
            {
                var match = engine.Compare(records[x], records[y]);
                if (best is null || match.RawScore > best.RawScore)
                {
                    best = match;
                }
            }
        }

        var rules = best!.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).Select(v => v.Rule.ToString()).ToList();
        if (best.Decision == MatchDecision.Link)
        {
            return "clusterer: a pair scores Link";
        }

        if (rules.Count > 0 && best.RawScore >= result.UpperThreshold)
        {
            return "rule: " + string.Join(",", rules) + " (raw >= upper)";
        }

        if (rules.Count > 0 && best.RawScore >= result.LowerThreshold)
        {
            return "rule in band: " + string.Join(",", rules);
        }

        if (best.RawScore >= result.LowerThreshold)
        {
            var below = (int)Math.Ceiling(result.UpperThreshold - best.RawScore);
            return below <= 8 ? $"band: no rule, {below} below upper" : "band: no rule, >8 below upper";
        }

        return "below lower";
    }

    /// <summary>The closest the two pieces' identifiers come: the same valid one, a slip the engine reads as Similar, different, or none to compare.</summary>
    private static string Identifiers(List<int> left, List<int> right, List<PersonRecord> records, MatchingEngine engine)
    {
        var bestClass = "none";
        foreach (var x in left)
        {
            foreach (var y in right)
            {
                var levels = engine.Compare(records[x], records[y]).Fields
                    .Where(f => f.Field is MatchField.NhsNumber or MatchField.UniquePupilNumber or MatchField.PncId)
                    .Select(f => f.Level).ToList();
                var cls = levels.Contains(AgreementLevel.Exact) ? "same"
                    : levels.Contains(AgreementLevel.Similar) ? "slip"
                    : levels.Contains(AgreementLevel.Disagree) ? "different" : "none";
                if (Rank(cls) < Rank(bestClass))
                {
                    bestClass = cls;
                }
            }
        }

        return bestClass;

        static int Rank(string cls) => cls switch { "same" => 0, "slip" => 1, "different" => 2, _ => 3 };
    }
}
