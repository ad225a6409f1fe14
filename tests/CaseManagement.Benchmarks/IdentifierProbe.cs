using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// (g) Two different valid identifiers (issue 18, session 10, decision 0088): for each generator with identifiers (the
/// batch's weights), every pair whose NHS numbers, UPNs or PNC IDs are both valid and differ, counted by what holds it
/// (the engine's identifier rule, another rule, the clusterer, its score, blocking), how far apart the identifiers are
/// (one character, an adjacent transposition, two characters, or three or more: wholly different) and what else agrees
/// (given name, family name, date of birth, home, contacts, sex). True pairs left apart and false pairs the search
/// scored (two children) are counted separately; false pairs are those any row's search kept among its best ten.
/// Levels and distances only: no values are printed.
/// </summary>
internal static class IdentifierProbe
{
    public static void Run(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets, bool verbose)
    {
        foreach (var (name, labelled) in sets)
        {
            var (labels, records, used, result, engine, index, reviewed) = MatchingRunner.ClusteredSet.Of(labelled, options, identifiers: true);
            var upper = result.UpperThreshold;
            var trueApart = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var trueJoined = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal))
            {
                var list = group.ToList();
                for (var i = 0; i < list.Count; i++)
                {
                    for (var j = i + 1; j < list.Count; j++)
                    {
                        var (x, y) = (list[i], list[j]);
                        var distance = Distance(records[x], records[y]);
                        if (distance is null)
                        {
                            continue;
                        }

                        var match = engine.Compare(records[x], records[y]);
                        if (result.ClusterOf[x] == result.ClusterOf[y])
                        {
                            Add(trueJoined, $"{distance} | {Rest(match)} -> {match.Decision}");
                            continue;
                        }

                        var blocked = index.FindsEitherWay(x, y, used.MaxCandidatesPerKey);
                        Add(trueApart, $"{Holder(match, upper, blocked)} | {distance} | {Rest(match)}");
                    }
                }
            }

            // Every pair a row's search kept (its best ten) whose identifiers differ and whose score before any rule
            // reaches the review band: what the identifier rule could change, same child against two children, by how far
            // the score before the rules is above the upper threshold and by the guards (given names, sexes).
            var searched = new SortedDictionary<string, (int Same, int Different)>(StringComparer.Ordinal);
            var falseShapes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var seen = new HashSet<(int, int)>();
            var rowOf = new Dictionary<Guid, int>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                rowOf[records[i].Id] = i;
            }

            for (var row = 0; row < records.Count; row++)
            {
                foreach (var match in engine.Search(records[row], index, RecordClusterer.DefaultMatchesPerRecord).Matches)
                {
                    var other = rowOf[match.RightId];
                    if (!seen.Add((Math.Min(row, other), Math.Max(row, other))) || match.RawScore < result.LowerThreshold
                        || Distance(records[row], records[other]) is not { } distance)
                    {
                        continue;
                    }

                    var same = labels[row] == labels[other];
                    var rules = match.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).Select(v => v.Rule).ToList();
                    var rule = rules.Count == 0 ? (match.Vetoes.Any(v => v.Rule == VetoRule.IdentifiersConflict) ? "id rule set aside" : "no rule")
                        : rules.SequenceEqual([VetoRule.IdentifiersConflict]) ? "id rule only" : "other rules";
                    var above = match.RawScore - upper;
                    var band = above < 0 ? "raw below upper" : above < 3 ? "raw 0-3 above" : above < 6.64 ? "raw 3-6.6 above" : "raw 6.6+ above (28)";
                    var key = $"{rule} | {band} | {Guard(match)} | {(distance.Contains("wholly", StringComparison.Ordinal) ? "wholly" : "near")} | {(result.ClusterOf[row] == result.ClusterOf[other] ? "joined" : "apart")}";
                    var (s, d) = searched.GetValueOrDefault(key);
                    searched[key] = same ? (s + 1, d) : (s, d + 1);
                    if (!same && match.RawScore >= upper - 3)
                    {
                        Add(falseShapes, $"{rule} | {band} | {distance} | {Rest(match)}");
                    }
                }
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}, {records.Count:N0} rows, identifiers: pairs with two different valid identifiers (upper {upper:0.00}) =="));
            foreach (var (what, tally) in new[] { ("same child, apart", trueApart), ("same child, joined", trueJoined) })
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {tally.Values.Sum():N0}"));
                foreach (var (pattern, count) in tally.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(verbose ? int.MaxValue : 12))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,5} | {pattern}"));
                }
            }

            output.WriteLine("  searched pairs (rule | score before rules | guards | distance | clusters): same child / two children");
            foreach (var (key, (same, different)) in searched)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {same,5} / {different,5} | {key}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  two children within 3 points of the upper threshold or above, by shape: {falseShapes.Values.Sum():N0}"));
            foreach (var (pattern, count) in falseShapes.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {count,5} | {pattern}"));
            }
        }
    }

    /// <summary>The guards that mark two children of one family: given names that disagree or are missing, sexes that differ.</summary>
    private static string Guard(MatchResult match)
    {
        var given = match.Fields[(int)MatchField.GivenName].Level;
        var sex = match.Fields[(int)MatchField.Sex].Level;
        return given is AgreementLevel.Disagree ? "given differs" : given is AgreementLevel.Missing ? "given missing"
            : sex == AgreementLevel.Disagree ? "sex differs" : "given alike, sex not against";
    }

    private static void Add(SortedDictionary<string, int> tally, string key) => tally[key] = tally.GetValueOrDefault(key) + 1;

    /// <summary>What holds a pair below a link: blocking, the identifier rule, another rule, its score, or the clusterer.</summary>
    private static string Holder(MatchResult match, double upper, bool blocked)
    {
        if (!blocked)
        {
            return "never compared";
        }

        var capping = match.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).Select(v => v.Rule).ToList();
        if (match.RawScore >= upper && capping.Count > 0)
        {
            return "rule " + string.Join("+", capping) + (match.Vetoes.Any(v => v.Rule == VetoRule.IdentifiersConflict && v.CapsAt == MatchDecision.Link) ? " (id set aside)" : string.Empty);
        }

        if (match.Decision == MatchDecision.Link)
        {
            return "scored Link" + (match.Vetoes.Any(v => v.Rule == VetoRule.IdentifiersConflict) ? " (id rule set aside)" : string.Empty) + (match.Score < 28 ? ", extra" : ", plain");
        }

        return match.RawScore >= upper - 3 ? "score within 3 below" : "score lower";
    }

    /// <summary>How far apart the differing valid identifiers are, each kind that differs; null when none differs.</summary>
    private static string? Distance(PersonRecord left, PersonRecord right)
    {
        var parts = new List<string>();
        foreach (var (kind, a, b) in new[]
        {
            ("NHS", PersonIdentifiers.NormaliseNhsNumber(left.NhsNumber), PersonIdentifiers.NormaliseNhsNumber(right.NhsNumber)),
            ("UPN", PersonIdentifiers.NormaliseUniquePupilNumber(left.UniquePupilNumber), PersonIdentifiers.NormaliseUniquePupilNumber(right.UniquePupilNumber)),
            ("PNC", PersonIdentifiers.NormalisePncId(left.PncId), PersonIdentifiers.NormalisePncId(right.PncId)),
        })
        {
            if (a is null || b is null || string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            var osa = StringSimilarity.OptimalStringAlignmentDistance(a, b);
            var hamming = a.Length == b.Length ? a.Zip(b).Count(p => p.First != p.Second) : int.MaxValue;
            var shape = osa == 1 && hamming == 2 ? "transposition" : osa == 1 ? "one char" : osa == 2 ? "two chars" : "wholly (3+)";
            var ends = a.Length == b.Length && a[0] == b[0] && a[^1] == b[^1] ? "" : " check differs";
            parts.Add($"{kind} {shape}{ends}");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }

    /// <summary>What else agrees, in the terms of the rule: names, date of birth, home, contacts, sex.</summary>
    private static string Rest(MatchResult match)
    {
        AgreementLevel L(MatchField f) => match.Fields[(int)f].Level;
        var home = L(MatchField.Postcode) == AgreementLevel.Exact || L(MatchField.Address) == AgreementLevel.Exact ? "home=" : "home≠";
        var contact = L(MatchField.Email) == AgreementLevel.Exact || L(MatchField.Phone) == AgreementLevel.Exact ? "contact=" : "contact≠";
        var sex = L(MatchField.Sex) switch { AgreementLevel.Exact => "sex=", AgreementLevel.Disagree => "sex≠", _ => "sex?" };
        return $"G {L(MatchField.GivenName)}, F {L(MatchField.FamilyName)}, D {L(MatchField.DateOfBirth)}, {home} {contact} {sex}";
    }
}
