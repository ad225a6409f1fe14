using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Tools.Evaluation;

namespace CaseManagement.Benchmarks;

/// <summary>
/// (f) Which blocking keys not yet used would catch the true pairs missed entirely because no key brings them together
/// (issue 18, session 7): for each generator, without and with identifiers (the batch's weights), the pairs never
/// compared and neither linked nor offered for review, what they would score if compared, their commonest patterns
/// (levels only), and for each candidate key the pairs it would catch (of those scoring Review or Link) beside the
/// candidate pairs it would add. The keys are written here as strings, not as <c>BlockingKeys</c> writes them: this
/// chooses keys, the engine's own are measured with <c>generality</c>.
/// </summary>
internal static class KeyProbe
{
    public static void Run(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets)
    {
        foreach (var (name, labelled) in sets)
        {
            foreach (var identifiers in new[] { false, true })
            {
                var (labels, records, used, result, engine, index, reviewed) = MatchingRunner.ClusteredSet.Of(labelled, options, identifiers);
                var keys = records.Select(Keys).ToList();
                var blockSizes = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var k in keys.SelectMany(k => k))
                {
                    blockSizes[k] = blockSizes.GetValueOrDefault(k) + 1;
                }

                var notBlocked = 0;
                var helpful = new Dictionary<string, int>(StringComparer.Ordinal);
                var anyHelpful = 0;
                var patterns = new Dictionary<string, int>(StringComparer.Ordinal);
                var decisions = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i], StringComparer.Ordinal))
                {
                    var list = group.ToList();
                    for (var i = 0; i < list.Count; i++)
                    {
                        for (var j = i + 1; j < list.Count; j++)
                        {
                            var (x, y) = (list[i], list[j]);
                            var (cx, cy) = (result.ClusterOf[x], result.ClusterOf[y]);
                            if (cx == cy || reviewed.Contains((Math.Min(cx, cy), Math.Max(cx, cy))))
                            {
                                continue;
                            }

                            if (index.CandidateIdsFor(records[x], used.MaxCandidatesPerKey).Contains(records[y].Id))
                            {
                                continue;
                            }

                            notBlocked++;
                            var match = engine.Compare(records[x], records[y]);
                            decisions[match.Decision.ToString()] = decisions.GetValueOrDefault(match.Decision.ToString()) + 1;
                            if (match.Decision == MatchDecision.NewChild)
                            {
                                continue;
                            }

                            var pattern = string.Join(" ", match.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}")) + " -> " + match.Decision;
                            patterns[pattern] = patterns.GetValueOrDefault(pattern) + 1;
                            var shared = keys[x].Intersect(keys[y]).Where(k => blockSizes[k] <= used.MaxCandidatesPerKey).Select(k => k[..k.IndexOf(':', StringComparison.Ordinal)]).Distinct().ToList();
                            anyHelpful += shared.Count > 0 ? 1 : 0;
                            foreach (var s in shared)
                            {
                                helpful[s] = helpful.GetValueOrDefault(s) + 1;
                            }
                        }
                    }
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}, {(identifiers ? "ids" : "no id")}: missed entirely and never compared {notBlocked} ({string.Join(", ", decisions.Select(d => $"{d.Key} {d.Value}"))}); caught by some candidate key {anyHelpful}"));
                foreach (var (pattern, count) in patterns.OrderByDescending(p => p.Value).Take(30))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pattern {count,4} | {pattern}"));
                }

                foreach (var kind in blockSizes.Keys.Select(k => k[..k.IndexOf(':', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal))
                {
                    var sizes = blockSizes.Where(b => b.Key.StartsWith(kind + ":", StringComparison.Ordinal)).Select(b => (long)b.Value).ToList();
                    var pairs = sizes.Sum(n => n * (n - 1) / 2);
                    var perRecord = sizes.Sum(n => n * n) / (double)records.Count;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-12} helps {helpful.GetValueOrDefault(kind),4} | pairs {pairs,9:N0} | candidates per record {perRecord,7:0.0} | largest block {sizes.Max()}"));
                }
            }
        }
    }

    /// <summary>
    /// The true pairs missed entirely, taken a pair of clusters at a time (one review pair between two clusters offers
    /// every pair across them): for each, the best-scoring row pair across the two clusters, whether any row pair
    /// across them is compared at all, and that pair's pattern and raw score, weighed by the true pairs it stands for.
    /// </summary>
    public static void Orphans(TextWriter output, MatchingOptions options, IEnumerable<(string Name, IReadOnlyList<LabelledRecord> Rows)> sets)
    {
        foreach (var (name, labelled) in sets)
        {
            foreach (var identifiers in new[] { false, true })
            {
                var set = MatchingRunner.ClusteredSet.Of(labelled, options, identifiers);
                var (_, records, used, result, engine, index, reviewed) = set;
                var groups = new Dictionary<(int, int), List<(int, int)>>();
                foreach (var (x, y) in set.TruePairs())
                {
                    var (cx, cy) = (result.ClusterOf[x], result.ClusterOf[y]);
                    var key = (Math.Min(cx, cy), Math.Max(cx, cy));
                    if (cx == cy || reviewed.Contains(key))
                    {
                        continue;
                    }

                    if (!groups.TryGetValue(key, out var pairs))
                    {
                        groups[key] = pairs = [];
                    }

                    pairs.Add((x, y));
                }

                var where = new Dictionary<string, int>(StringComparer.Ordinal);
                var patterns = new Dictionary<string, (int Pairs, double Raw)>(StringComparer.Ordinal);
                foreach (var (_, pairs) in groups)
                {
                    MatchResult? best = null;
                    var bestBlocked = false;
                    var anyBlocked = false;
                    foreach (var (x, y) in pairs)
                    {
                        var blocked = index.CandidateIdsFor(records[x], used.MaxCandidatesPerKey).Contains(records[y].Id);
                        anyBlocked |= blocked;
                        var match = engine.Compare(records[x], records[y]);
                        if (best is null || match.Score > best.Score || (match.Score == best.Score && blocked))
                        {
                            best = match;
                            bestBlocked = blocked;
                        }
                    }

                    var kind = (bestBlocked ? "compared" : anyBlocked ? "best not compared (another is)" : "none compared") + ", best " + best!.Decision
                        + (best.Vetoes.Count > 0 ? " vetoed" : string.Empty)
                        + (best.Decision == MatchDecision.NewChild && best.Vetoes.Count == 0 ? string.Create(CultureInfo.InvariantCulture, $" raw {Math.Floor(best.RawScore - used.ScaledFor(records.Count).LowerThreshold),3:0} below lower") : string.Empty);
                    where[kind] = where.GetValueOrDefault(kind) + pairs.Count;
                    var pattern = (bestBlocked ? string.Empty : "NOT COMPARED ") + string.Join(" ", best.Fields.Where(f => f.Level != AgreementLevel.Missing).Select(f => $"{f.Field}={f.Level}"))
                        + (best.Vetoes.Count == 0 ? string.Empty : " veto:" + string.Join(",", best.Vetoes.Select(v => v.Rule))) + " -> " + best.Decision;
                    var (n, raw) = patterns.GetValueOrDefault(pattern);
                    patterns[pattern] = (n + pairs.Count, raw + (best.RawScore * pairs.Count));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}, {(identifiers ? "ids" : "no id")}: {groups.Values.Sum(g => g.Count)} true pairs missed entirely in {groups.Count} pairs of clusters"));
                foreach (var (kind, count) in where.OrderBy(w => w.Key, StringComparer.Ordinal))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  where {count,4} | {kind}"));
                }

                foreach (var (pattern, (count, raw)) in patterns.OrderByDescending(p => p.Value.Pairs).Take(60))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pattern {count,4} raw {raw / count,6:0.0} | {pattern}"));
                }
            }
        }
    }

    private static List<string> Keys(PersonRecord r)
    {
        var keys = new List<string>();
        var g = NameNormaliser.GivenNameKey(r.GivenName);
        var f = NameNormaliser.FamilyNameKey(r.FamilyName);
        var gp = g.Length == 0 ? string.Empty : DoubleMetaphone.Encode(g).Primary;
        var fp = f.Length == 0 ? string.Empty : DoubleMetaphone.Encode(f).Primary;
        var pc = Postcodes.Normalise(r.Postcode);
        var district = pc?.Split(' ')[0];
        var sector = pc is null ? null : pc[..(pc.IndexOf(' ', StringComparison.Ordinal) + 2)];
        var town = ContactDetails.NormaliseTown(r.Town);
        var email = ContactDetails.NormaliseEmail(r.Email);
        var phone = ContactDetails.NormalisePhone(r.Phone);
        var d = r.DateOfBirth;
        var md = d is { } x ? $"{Math.Min(x.Day, x.Month)}-{Math.Max(x.Day, x.Month)}" : null;
        void Add(string kind, params string?[] parts)
        {
            if (parts.All(p => !string.IsNullOrEmpty(p)))
            {
                keys.Add(kind + ":" + string.Join("|", parts));
            }
        }

        var year = d?.Year.ToString(CultureInfo.InvariantCulture);
        var month = d?.Month.ToString(CultureInfo.InvariantCulture);
        var day = d?.Day.ToString(CultureInfo.InvariantCulture);
        Add("G+Y", gp, year);
        Add("G+MD", gp, md);
        Add("F+MD", fp, md);
        Add("G+D", gp, district);
        Add("F+D", fp, district);
        Add("G+T", gp, town);
        Add("G+Sector", gp, sector);
        Add("F+Sector", fp, sector);
        Add("Sector+Y", sector, year);
        Add("D+MD", district, md);
        Add("T+MD", town, md);
        Add("T+Y+M", town, year, month);
        Add("GiFi+YM", g.Length > 0 ? g[..1] : null, f.Length > 0 ? f[..1] : null, year, month);
        Add("GiFi+MD", g.Length > 0 ? g[..1] : null, f.Length > 0 ? f[..1] : null, md);
        Add("G3F3", g.Length >= 3 ? g[..3] : null, f.Length >= 3 ? f[..3] : null);
        Add("G3F3r", g.Length >= 3 ? g[^3..] : null, f.Length >= 3 ? f[^3..] : null);
        Add("Gk+Fi", g, f.Length > 0 ? f[..1] : null);
        Add("Gi+Fk", g.Length > 0 ? g[..1] : null, f);
        Add("Gk+Y", g, year);
        Add("Fk+MD", f, md);
        Add("Y+M+D2", year, month, day);
        Add("Email-local", email?.Split('@')[0]);
        Add("Phone-last6", phone is { Length: > 6 } ? phone[^6..] : null);
        Add("Phone-first7", phone is { Length: > 7 } ? phone[..7] : null);
        Add("G+Phone4", gp, phone is { Length: > 4 } ? phone[^4..] : null);
        Add("F+Email3", fp, email is { Length: > 3 } ? email[..3] : null);
        Add("T+Sex+Y", town, r.Sex.ToString(), year);
        Add("Gk+Fl", g, f.Length > 0 ? f[^1..] : null);
        Add("G+Fi", gp, f.Length > 0 ? f[..1] : null);
        Add("Gk+T", g, town);
        Add("Gk+Fi+T", g, f.Length > 0 ? f[..1] : null, town);
        Add("Fk+Gi", f, g.Length > 0 ? g[..1] : null);
        Add("Gk+F2", g, f.Length >= 2 ? f[..2] : null);
        Add("Email-first4+T", email is { Length: > 4 } ? email[..4] : null, town);
        Add("Email-thirds", email?.Split('@')[0] is { Length: >= 9 } lp ? lp[..(lp.Length / 3)] : null);
        return keys;
    }
}
