using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// (h) What holds the true pairs apart, and what the identifiers say in them (issue 18, session 12, decision 0098): for
/// each set, without and with identifiers, every true pair in two clusters is counted by the rules that cap it, whether
/// it was offered for review or missed entirely, where its score before the rules stands against the batch's thresholds,
/// and what its NHS numbers, UPNs and PNC IDs are to each other as written (none, one side only, the same, one slip
/// apart with one failing its check, Similar, wholly different...). Beside them, the pairs of two children any row's
/// search kept with the same rules firing, by the same identifier classes: what an identifier-led exception would cost.
/// Levels and classes only: no values are printed.
/// </summary>
internal static class HeldProbe
{
    public static void Run(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets)
    {
        foreach (var (name, labelled) in sets)
        {
            foreach (var identifiers in new[] { false, true })
            {
                var set = MatchingRunner.ClusteredSet.Of(labelled, options, identifiers);
                var (labels, records, used, result, engine, index, reviewed) = set;
                var apart = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var patterns = new Dictionary<string, (int Count, double Raw)>(StringComparer.Ordinal);
                foreach (var (x, y) in set.TruePairs())
                {
                    var (cx, cy) = (result.ClusterOf[x], result.ClusterOf[y]);
                    if (cx == cy)
                    {
                        continue;
                    }

                    var match = engine.Compare(records[x], records[y]);
                    var blocked = index.FindsEitherWay(x, y, used.MaxCandidatesPerKey);
                    var entirely = reviewed.Contains((Math.Min(cx, cy), Math.Max(cx, cy))) ? "offered" : "MISSED";
                    var key = $"{entirely} | {Rules(match)} | {Band(match.RawScore, result)} | {(blocked ? "compared" : "NOT compared")} | id {IdentifierClass(records[x], records[y])}";
                    apart[key] = apart.GetValueOrDefault(key) + 1;
                    if (entirely == "MISSED")
                    {
                        var pattern = $"{Rules(match)} | " + string.Join(" ", match.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}"));
                        var (n, raw) = patterns.GetValueOrDefault(pattern);
                        patterns[pattern] = (n + 1, raw + match.RawScore);
                    }
                }

                // Two children whose pair a row's search kept, with a rule capping it: by rule and identifier class.
                var falsePairs = new SortedDictionary<string, int>(StringComparer.Ordinal);
                var rowOf = new Dictionary<Guid, int>(records.Count);
                for (var r = 0; r < records.Count; r++)
                {
                    rowOf[records[r].Id] = r;
                }

                var seen = new HashSet<(int, int)>();
                for (var r = 0; r < records.Count; r++)
                {
                    foreach (var match in engine.Search(records[r], index, RecordClusterer.DefaultMatchesPerRecord).Matches)
                    {
                        var other = rowOf[match.RightId];
                        if (labels[r] == labels[other] || !seen.Add((Math.Min(r, other), Math.Max(r, other))) || match.Vetoes.Count == 0)
                        {
                            continue;
                        }

                        var key = $"{Rules(match)} | {Band(match.RawScore, result)} | id {IdentifierClass(records[r], records[other])}";
                        falsePairs[key] = falsePairs.GetValueOrDefault(key) + 1;
                    }
                }

                output.WriteLine();
                output.WriteLine($"== {name}, {(identifiers ? "identifiers" : "no identifier")}: true pairs apart ==");
                foreach (var (key, count) in apart.OrderByDescending(a => a.Value))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  apart {count,5} | {key}"));
                }

                foreach (var (pattern, (count, raw)) in patterns.OrderByDescending(p => p.Value.Count).Take(40))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  missed {count,5} raw {raw / count,6:0.0} | {pattern}"));
                }

                foreach (var (key, count) in falsePairs.OrderByDescending(a => a.Value))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  two children {count,5} | {key}"));
                }
            }
        }
    }

    private static string Rules(MatchResult match) =>
        match.Vetoes.Count == 0 ? "no rule" : string.Join(",", match.Vetoes.Select(v => v.CapsAt == MatchDecision.Link ? $"({v.Rule} aside)" : $"{v.Rule}>{v.CapsAt}"));

    private static string Band(double raw, ClusteringResult result) =>
        raw >= result.UpperThreshold ? "raw >= upper" : raw >= result.LowerThreshold ? "raw in review band" : raw >= result.LowerThreshold - 5 ? "raw 0-5 below lower" : "raw >5 below lower";

    /// <summary>How the two records' identifiers stand to each other as written, the closest of the three kinds.</summary>
    internal static string IdentifierClass(PersonRecord a, PersonRecord b)
    {
        var classes = new[]
        {
            Class(a.NhsNumber, b.NhsNumber, PersonIdentifiers.NormaliseNhsNumber),
            Class(a.UniquePupilNumber, b.UniquePupilNumber, PersonIdentifiers.NormaliseUniquePupilNumber),
            Class(a.PncId, b.PncId, PersonIdentifiers.NormalisePncId),
        };
        return classes.Min()!.Substring(2);
    }

    private static string Class(string? a, string? b, Func<string?, string?> normalise)
    {
        var ra = Compact(a);
        var rb = Compact(b);
        if (ra is null && rb is null)
        {
            return "9 none";
        }

        if (ra is null || rb is null)
        {
            return "8 one side only";
        }

        var (va, vb) = (normalise(a), normalise(b));
        var distance = StringSimilarity.OptimalStringAlignmentDistance(ra, rb);
        var valid = va is not null && vb is not null ? "both valid" : va is null && vb is null ? "both invalid" : "one invalid";
        return distance switch
        {
            0 => valid == "both valid" ? "0 same, valid" : "1 same, " + valid,
            1 => "2 one slip, " + valid,
            2 => "3 two slips, " + valid,
            _ => "7 different, " + valid,
        };
    }

    private static string? Compact(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = new string(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return compact.Length == 0 ? null : compact;
    }
}
