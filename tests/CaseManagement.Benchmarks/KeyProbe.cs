using System.Globalization;
using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
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
                var damage = new Dictionary<string, (int All, int Scoring)>(StringComparer.Ordinal);
                var fields = new Dictionary<string, (int All, int Scoring)>(StringComparer.Ordinal);
                var searchOnlyHelps = new Dictionary<string, int>(StringComparer.Ordinal);
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

                            if (index.FindsEitherWay(x, y, used.MaxCandidatesPerKey))
                            {
                                continue;
                            }

                            notBlocked++;
                            var match = engine.Compare(records[x], records[y]);
                            decisions[match.Decision.ToString()] = decisions.GetValueOrDefault(match.Decision.ToString()) + 1;
                            var shape = Damage(records[x], records[y]);
                            var (shapeAll, shapeScoring) = damage.GetValueOrDefault(shape);
                            damage[shape] = (shapeAll + 1, shapeScoring + (match.Decision == MatchDecision.NewChild ? 0 : 1));
                            foreach (var part in shape.Split(' '))
                            {
                                var (partAll, partScoring) = fields.GetValueOrDefault(part);
                                fields[part] = (partAll + 1, partScoring + (match.Decision == MatchDecision.NewChild ? 0 : 1));
                            }

                            if (match.Decision == MatchDecision.NewChild)
                            {
                                continue;
                            }

                            // Keys a search writes only for a record that says little (no family name or no date of
                            // birth), looked up among every record's keys: either row's search finds the other.
                            foreach (var (kind, _) in SearchOnly)
                            {
                                var (kx, ky) = (keys[x].Where(k => k.StartsWith(kind + ":", StringComparison.Ordinal)), keys[y].Where(k => k.StartsWith(kind + ":", StringComparison.Ordinal)));
                                if ((Sparse(records[x]) || Sparse(records[y])) && kx.Intersect(ky).Any(k => blockSizes[k] <= used.MaxCandidatesPerKey))
                                {
                                    searchOnlyHelps[kind] = searchOnlyHelps.GetValueOrDefault(kind) + 1;
                                }
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

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  never compared, by what is damaged (pairs | of them scoring Review or Link if compared):"));
                foreach (var (part, (all, scoring)) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    field {all,4} | {scoring,4} | {part}"));
                }

                foreach (var (shape, (all, scoring)) in damage.OrderByDescending(d => d.Value.All).ThenBy(d => d.Key, StringComparer.Ordinal).Take(40))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    shape {all,4} | {scoring,4} | {shape}"));
                }

                var sparse = records.Count(Sparse);
                foreach (var (kind, _) in SearchOnly)
                {
                    // The candidates a search-only key adds: each record that says little gets its whole block.
                    var added = records.Select((r, i) => (r, i)).Where(t => Sparse(t.r)).Sum(t => (long)keys[t.i].Where(k => k.StartsWith(kind + ":", StringComparison.Ordinal)).Sum(k => blockSizes[k] <= used.MaxCandidatesPerKey ? blockSizes[k] : 0));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  search-only {kind,-10} helps {searchOnlyHelps.GetValueOrDefault(kind),4} | records that say little {sparse:N0} | candidates they add {added:N0} ({added / (double)records.Count:0.00} per record)"));
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
                        var blocked = index.FindsEitherWay(x, y, used.MaxCandidatesPerKey);
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

    /// <summary>The keys tried as search-only keys: written by the search of a record that says little.</summary>
    private static readonly (string Kind, int Unused)[] SearchOnly = [("G+T", 0), ("G+T+Sex", 0), ("G3+T", 0), ("Gl3+T", 0), ("G2+T+Sex", 0), ("G3+T+Sex", 0), ("Gl3+T+Sex", 0), ("Gk+T", 0), ("G+Y", 0), ("T+Sex+Y", 0), ("Gi+Fk", 0), ("Gk+Fi", 0), ("F+T", 0)];

    /// <summary>A record that says little: no family name, or no date of birth.</summary>
    private static bool Sparse(PersonRecord r) => NameNormaliser.FamilyNameKey(r.FamilyName).Length == 0 || r.DateOfBirth is null;

    /// <summary>
    /// What differs between two rows of one child, field by field, as a careful person would describe it (no values):
    /// each name the same, sounding alike, one or two slips (at the first letter or later), swapped with the other
    /// name, replaced, or missing; the date of birth the same, day and month swapped, one part wrong, more, or missing;
    /// the postcode the same, the same district, different or missing; the town and the sex the same, different or missing.
    /// </summary>
    internal static string Damage(PersonRecord a, PersonRecord b)
    {
        var (ga, gb) = (NameNormaliser.GivenNameKey(a.GivenName), NameNormaliser.GivenNameKey(b.GivenName));
        var (fa, fb) = (NameNormaliser.FamilyNameKey(a.FamilyName), NameNormaliser.FamilyNameKey(b.FamilyName));
        var swapped = ga.Length > 0 && fa.Length > 0 && gb.Length > 0 && fb.Length > 0 && Near(ga, fb) && Near(fa, gb) && !(Near(ga, gb) && Near(fa, fb));
        string Name(string x, string y)
        {
            if (x.Length == 0 || y.Length == 0)
            {
                return "missing";
            }

            if (x == y)
            {
                return "same";
            }

            if (DoubleMetaphone.Encode(x).Primary == DoubleMetaphone.Encode(y).Primary)
            {
                return "sounds-alike";
            }

            var distance = StringSimilarity.OptimalStringAlignmentDistance(x, y);
            return distance <= 2 ? (x[0] != y[0] ? "slip-first-letter" : distance == 1 ? "one-slip" : "two-slips") : "replaced";
        }

        string Date(DateOnly? x, DateOnly? y)
        {
            if (x is not { } p || y is not { } q)
            {
                return "missing";
            }

            if (p == q)
            {
                return "same";
            }

            if (p.Year == q.Year && p.Day == q.Month && p.Month == q.Day)
            {
                return "day-month-swapped";
            }

            var parts = (p.Year != q.Year ? 1 : 0) + (p.Month != q.Month ? 1 : 0) + (p.Day != q.Day ? 1 : 0);
            return parts == 1 ? (p.Year != q.Year ? "year-wrong" : p.Month != q.Month ? "month-wrong" : "day-wrong") : "two-parts-wrong";
        }

        string Same(string? x, string? y) => string.IsNullOrEmpty(x) || string.IsNullOrEmpty(y) ? "missing" : x == y ? "same" : "differs";
        var (pa, pb) = (Postcodes.Normalise(a.Postcode), Postcodes.Normalise(b.Postcode));
        var postcode = pa is null || pb is null ? "missing" : pa == pb ? "same" : pa.Split(' ')[0] == pb.Split(' ')[0] ? "district" : "differs";
        var sex = a.Sex is Sex.NotKnown or Sex.NotStated || b.Sex is Sex.NotKnown or Sex.NotStated ? "missing" : a.Sex == b.Sex ? "same" : "differs";
        return swapped
            ? $"names=swapped dob={Date(a.DateOfBirth, b.DateOfBirth)} postcode={postcode} town={Same(ContactDetails.NormaliseTown(a.Town), ContactDetails.NormaliseTown(b.Town))} sex={sex}"
            : $"given={Name(ga, gb)} family={Name(fa, fb)} dob={Date(a.DateOfBirth, b.DateOfBirth)} postcode={postcode} town={Same(ContactDetails.NormaliseTown(a.Town), ContactDetails.NormaliseTown(b.Town))} sex={sex}";
    }

    private static bool Near(string x, string y) => x == y || StringSimilarity.OptimalStringAlignmentDistance(x, y) <= 2;

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
        Add("F+T", fp, town);
        Add("Fsorted+Y", f.Length >= 3 ? new string(f.Where(c => "aeiouy".IndexOf(c, StringComparison.Ordinal) < 0).Distinct().Order().ToArray()) : null, year);
        Add("Flast4+Y", f.Length >= 5 ? f[^4..] : null, year);
        Add("Gsorted+Fsorted", g.Length >= 3 ? new string(g.Distinct().Order().ToArray()) : null, f.Length >= 3 ? new string(f.Distinct().Order().ToArray()) : null);
        Add("Y+Sex+Gi", year, r.Sex.ToString(), g.Length > 0 ? g[..1] : null);
        var sexText = r.Sex is Sex.Male or Sex.Female ? r.Sex.ToString() : null;
        Add("G+T+Sex", gp, town, sexText);
        Add("G3+T", g.Length >= 3 ? g[..3] : null, town);
        Add("Gl3+T", g.Length >= 3 ? g[^3..] : null, town);
        Add("G2+T+Sex", g.Length >= 2 ? g[..2] : null, town, sexText);
        Add("G3+T+Sex", g.Length >= 3 ? g[..3] : null, town, sexText);
        Add("Gl3+T+Sex", g.Length >= 3 ? g[^3..] : null, town, sexText);
        Add("Email-thirds", email?.Split('@')[0] is { Length: >= 9 } lp ? lp[..(lp.Length / 3)] : null);
        return keys;
    }
}
