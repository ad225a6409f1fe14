using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;

namespace CaseManagement.Tools.Evaluation;

/// <summary>Two rows the engine scored at or above the lower threshold (a Review or a Link).</summary>
/// <param name="First">The lower row index.</param>
/// <param name="Second">The higher row index.</param>
/// <param name="Score">The score after any veto; for a caution set aside (see <see cref="RecordClusterer"/>), the score before it.</param>
/// <param name="Decision">Link when the pair joined (or was already in) one cluster automatically; otherwise Review.</param>
/// <param name="Reason">Why the batch joined a pair the engine left for review, in the words of <see cref="MatchTexts"/>; null otherwise.</param>
public readonly record struct ScoredPair(int First, int Second, double Score, MatchDecision Decision, string? Reason = null);

/// <summary>The clusters of a set of rows: rows in one cluster are taken to be the same child.</summary>
/// <param name="ClusterOf">For each row (in input order), its cluster number, from 1; clusters are numbered in order of their first row.</param>
/// <param name="ClusterSizes">The number of rows in each cluster, at [cluster number - 1].</param>
/// <param name="Pairs">Every pair scored at or above the lower threshold, each once, ordered by first then second row.</param>
/// <param name="CandidatesCompared">How many candidate records all the searches scored, in total.</param>
/// <param name="UpperThreshold">The upper threshold the batch used (the configured one scaled to the number of rows).</param>
/// <param name="LowerThreshold">The lower threshold the batch used, scaled likewise.</param>
public sealed record ClusteringResult(
    IReadOnlyList<int> ClusterOf,
    IReadOnlyList<int> ClusterSizes,
    IReadOnlyList<ScoredPair> Pairs,
    long CandidatesCompared,
    double UpperThreshold,
    double LowerThreshold)
{
    /// <summary>How many clusters (distinct children) the rows make.</summary>
    public int ClusterCount => ClusterSizes.Count;

    /// <summary>How many pairs were linked automatically.</summary>
    public int LinkCount => Pairs.Count(p => p.Decision == MatchDecision.Link);
}

/// <summary>
/// Deduplicates a batch of records with the matching engine: every row is searched against all the others (blocking
/// with a <see cref="CandidateIndex"/>, name frequencies from the rows themselves), and pairs the batch links join
/// the two rows' clusters (union-find). A pair left in the review band is reported but joins nothing, as in the
/// running system where a person decides. Pure: the same rows and options give the same clusters, whatever the
/// number of threads.
/// </summary>
/// <remarks>
/// <para>
/// The thresholds are scaled to the batch (<see cref="MatchingOptions.ScaledFor"/>): a row of 20,000 is compared
/// with 50 times fewer records than the million the configured thresholds are stated for, so the same odds are
/// reached at a lower score. A pair scoring at or above the configured upper threshold links as it would at intake.
/// </para>
/// <para>
/// A pair that links only because of the scaling, or because a caution was set aside (below), is an
/// <em>extra</em> link. Extra links are taken in order of score and join two clusters only when the rows already in
/// them do not say otherwise: never when the clusters hold different valid identifiers of one kind (NHS number, UPN
/// or PNC ID; the pair is left for review), and not while either row has another candidate, about as good, in a
/// third cluster that is known to be a different child from the target (different identifiers) or to live apart
/// from it (its postcodes are all in other districts, or from abroad and all other codes as written): the row could be either, as a row without a postcode is
/// between a child and her namesake. Such a link waits until the clusters have joined through other rows (a child
/// who moved) and is left for review if they never do.
/// </para>
/// <para>
/// Two cautions that exist only because the pair could be twins are set aside when the batch shows no twin: same
/// family name and date of birth with no given name on one row, or with the same given name and different recorded
/// sexes (twins are not given one name; one sex is a slip). A twin shows as a candidate of either row with the same
/// family name and date of birth and a different, or only sound-alike, given name; then the caution stands, unless
/// that row is already one child with either row of the caution through strong links (plain pairs at the configured
/// upper threshold, as intake would link them, an agreeing identifier among them): then the sign is that child's own
/// rows disagreeing on the given name (a slip or a replaced name), not a second child.
/// </para>
/// </remarks>
public static class RecordClusterer
{
    /// <summary>How many best candidates each row's search explains; links beyond this many still join through other rows.</summary>
    public const int DefaultMatchesPerRecord = 10;

    /// <summary>
    /// How close (in score) another cluster's candidate must come to make an extra link ambiguous: within one point,
    /// a factor of two in likelihood, the row fits both about as well (a namesake's rows tie exactly); a rival
    /// further behind is evidence for the better candidate, not against it.
    /// </summary>
    private const double AmbiguityMargin = 1;

    /// <summary>
    /// How far below the upper threshold a pair may score and still join as the only child of its name (decision 0097):
    /// eight points, a name and a sex agreeing with names as common as the batch's commonest (about 13.4 at 10,000 rows).
    /// </summary>
    private const double OnlyChildBelow = 8;

    /// <summary>How close another cluster's candidate may come before a row is no longer plainly one child's (decision 0097).</summary>
    private const double OnlyChildMargin = 3;

    /// <summary>Clusters the records, searching rows in parallel on all cores.</summary>
    /// <param name="records">The rows; their <see cref="PersonRecord.Id"/> values must be distinct.</param>
    /// <param name="options">The engine's options (build them from <see cref="MatchingSettings"/> so the batch and the system agree).</param>
    /// <param name="matchesPerRecord">How many best candidates each search keeps.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    /// <param name="cancellationToken">Stops the searches.</param>
    public static ClusteringResult Cluster(
        IReadOnlyList<PersonRecord> records,
        MatchingOptions options,
        int matchesPerRecord = DefaultMatchesPerRecord,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(matchesPerRecord);

        var rowOf = new Dictionary<Guid, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (!rowOf.TryAdd(records[i].Id, i))
            {
                throw new ArgumentException($"Rows {rowOf[records[i].Id] + 1} and {i + 1} have the same record id.", nameof(records));
            }
        }

        var scaled = options.ScaledFor(records.Count);
        var index = CandidateIndex.Build(records);
        var engine = new MatchingEngine(scaled, InMemoryNameFrequencies.FromRecords(records));

        // Each row's search writes only its own slot, so the threads share nothing mutable and the merge below sees
        // the same pairs in the same order however the rows were scheduled.
        var found = new Candidate[records.Count][];
        var compared = new long[records.Count];
        Parallel.For(
            0,
            records.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            row =>
            {
                var search = engine.Search(records[row], index, matchesPerRecord);
                compared[row] = search.CandidatesCompared;
                List<Candidate>? candidates = null;
                foreach (var match in search.Matches)
                {
                    var kind = KindOf(match);
                    if (match.Decision == MatchDecision.NewChild && kind == CandidateKind.Plain)
                    {
                        continue;
                    }

                    var other = rowOf[match.RightId];
                    candidates ??= [];
                    candidates.Add(new Candidate(
                        Math.Min(row, other),
                        Math.Max(row, other),
                        match.Score,
                        match.RawScore,
                        match.Decision,
                        kind,
                        match.Vetoes.Any(v => v.CapsAt != MatchDecision.Link),
                        OnlyTheIdentifierDiffers(match)));
                }

                found[row] = candidates?.ToArray() ?? [];
            });

        // Each pair once: a pair found from both rows keeps the higher score (scores are symmetric in practice).
        var unique = new Dictionary<(int, int), Candidate>();
        var twinSigns = new List<int>?[records.Count];
        foreach (var candidates in found)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.Kind == CandidateKind.TwinSign)
                {
                    (twinSigns[candidate.First] ??= []).Add(candidate.Second);
                    (twinSigns[candidate.Second] ??= []).Add(candidate.First);
                }

                var key = (candidate.First, candidate.Second);
                if (candidate.Decision != MatchDecision.NewChild || candidate.Kind == CandidateKind.TwinCaution)
                {
                    if (!unique.TryGetValue(key, out var existing) || candidate.Score > existing.Score)
                    {
                        unique[key] = candidate;
                    }
                }
            }
        }

        var decided = Link(records, options, scaled, [.. unique.Values], twinSigns, out var sets);
        var ordered = decided.OrderBy(p => p.First).ThenBy(p => p.Second).ToList();
        var (clusterOf, sizes) = sets.Number();
        return new ClusteringResult(clusterOf, sizes, ordered, compared.Sum(), scaled.UpperThreshold, scaled.LowerThreshold);
    }

    /// <summary>What a match is to the clusterer: an ordinary pair, a caution it may set aside, or a sign of a twin.</summary>
    private static CandidateKind KindOf(MatchResult match)
    {
        // A caution the engine set aside (an agreeing identifier, a one-slip given name) is no sign of a twin.
        var vetoes = match.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).ToList();
        if (vetoes.Count == 0)
        {
            return CandidateKind.Plain;
        }

        // Given names two slips apart are far likelier one name mistyped than twins: a caution, not a sign of a twin.
        var given = match.Fields[(int)MatchField.GivenName].Level;
        if (vetoes.Any(v => v.Rule is VetoRule.TwinDifferentGivenNames
            || (v.Rule is VetoRule.TwinSimilarGivenNames && given != AgreementLevel.Approximate)))
        {
            return CandidateKind.TwinSign;
        }

        // Twins never share a given name, so the same name with different sexes is a slip in one record.
        return vetoes.All(v => v.Rule == VetoRule.GivenNameMissing
                || (v.Rule == VetoRule.TwinSimilarGivenNames && given == AgreementLevel.Approximate)
                || (v.Rule == VetoRule.TwinDifferentSexes && given is AgreementLevel.Exact or AgreementLevel.Equivalent))
            ? CandidateKind.TwinCaution
            : CandidateKind.Plain;
    }

    /// <summary>Joins the clusters, strongest pair first, and gives every reported pair its final decision.</summary>
    private static List<ScoredPair> Link(
        IReadOnlyList<PersonRecord> records,
        MatchingOptions configured,
        MatchingOptions scaled,
        Candidate[] candidates,
        List<int>?[] twinSigns,
        out UnionFind sets)
    {
        // The clusters the strong links make on their own (plain pairs at the configured upper threshold, as intake
        // would link them): a twin sign from a row already in one of these with either row of a caution is that
        // child's own rows disagreeing (a slip or a replaced name), not a second child.
        var strong = new UnionFind(records.Count);
        foreach (var c in candidates)
        {
            if (c.Kind == CandidateKind.Plain && c.Decision == MatchDecision.Link && c.Score >= configured.UpperThreshold)
            {
                strong.Union(c.First, c.Second);
            }
        }

        // A twin caution set aside is scored as if it had not fired, and only when no twin is in sight.
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (c.Kind == CandidateKind.TwinCaution && !TwinInSight(c, twinSigns, strong))
            {
                var decision = c.RawScore >= scaled.UpperThreshold ? MatchDecision.Link
                    : c.RawScore < scaled.LowerThreshold ? MatchDecision.NewChild
                    : MatchDecision.Review;
                candidates[i] = c with { Score = c.RawScore, Decision = decision, Kind = CandidateKind.SetAside, Capped = false };
            }
        }

        // Rivals for the ambiguity test: each row's other uncapped candidates.
        var rivals = new List<Candidate>?[records.Count];
        foreach (var c in candidates)
        {
            if (!c.Capped && c.Decision != MatchDecision.NewChild)
            {
                (rivals[c.First] ??= []).Add(c);
                (rivals[c.Second] ??= []).Add(c);
            }
        }

        var evidence = records.Select(r => new ClusterEvidence(r)).ToArray();
        sets = new UnionFind(records.Count);
        var decided = new List<ScoredPair>(candidates.Length);
        var deferred = new List<Candidate>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.First).ThenBy(c => c.Second))
        {
            if (c.Decision != MatchDecision.Link)
            {
                if (c.Decision == MatchDecision.Review)
                {
                    decided.Add(new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Review));
                }

                continue;
            }

            var extra = c.Kind == CandidateKind.SetAside || c.Score < configured.UpperThreshold;
            var outcome = extra ? Try(c, sets, evidence, rivals) : Outcome.Joined;
            if (outcome == Outcome.Joined)
            {
                Join(c, sets, evidence);
                decided.Add(new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Link));
            }
            else if (outcome == Outcome.Ambiguous)
            {
                deferred.Add(c);
            }
            else
            {
                decided.Add(new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Review));
            }
        }

        // A row that was a toss-up between two clusters is not once they have joined (a child who moved, with rows at
        // both addresses, joins through the rows that carry the two postcodes): try the deferred links again, in the
        // same order, until a round joins nothing.
        var joinedAny = true;
        while (joinedAny && deferred.Count > 0)
        {
            joinedAny = false;
            var still = new List<Candidate>(deferred.Count);
            foreach (var c in deferred)
            {
                var outcome = Try(c, sets, evidence, rivals);
                if (outcome == Outcome.Joined)
                {
                    joinedAny |= sets.Find(c.First) != sets.Find(c.Second);
                    Join(c, sets, evidence);
                    decided.Add(new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Link));
                }
                else if (outcome == Outcome.Ambiguous)
                {
                    still.Add(c);
                }
                else
                {
                    decided.Add(new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Review));
                }
            }

            deferred = still;
        }

        decided.AddRange(deferred.Select(c => new ScoredPair(c.First, c.Second, c.Score, MatchDecision.Review)));
        JoinARowEveryRowOfAChildAgreesWith(records, scaled, candidates, decided, sets, evidence, twinSigns);
        JoinTheOnlyChildOfTheName(records, scaled, candidates, decided, sets, evidence, rivals);
        return decided;
    }

    /// <summary>
    /// Whether a pair's only capping rule is a conflicting identifier (decision 0104), and the pair passes the test 0088
    /// puts before an identifier may count by its weight alone: the given names the same (or given and family names
    /// both swapped), the sexes and dates of birth not differing. Twins named into each other ("Lily" and "Lily-Mae",
    /// "Rhys" and "Dafydd Rhys") fire no twin rule, so the different identifier is all that keeps them apart: a partial
    /// or slipped given name never joins here (review at merge).
    /// </summary>
    private static bool OnlyTheIdentifierDiffers(MatchResult match)
    {
        var caps = match.Vetoes.Where(v => v.CapsAt != MatchDecision.Link).ToList();
        if (caps.Count == 0 || !caps.All(v => v.Rule == VetoRule.IdentifiersConflict))
        {
            return false;
        }

        AgreementLevel Level(MatchField field) => match.Fields.FirstOrDefault(f => f.Field == field)?.Level ?? AgreementLevel.Missing;
        var given = Level(MatchField.GivenName);
        var bothSwapped = given == AgreementLevel.Swapped && Level(MatchField.FamilyName) == AgreementLevel.Swapped;
        return (given == AgreementLevel.Exact || bothSwapped)
            && Level(MatchField.Sex) != AgreementLevel.Disagree
            && Level(MatchField.DateOfBirth) != AgreementLevel.Disagree;
    }

    /// <summary>
    /// Cluster-level evidence against one conflicting identifier (decision 0104): a row alone in its cluster joins a
    /// cluster of two or more rows when its pair with <em>every</em> row of that cluster scores at or above the upper
    /// threshold before any rule (the identifier's own disagreement weighed in), the only rule holding those pairs is
    /// IdentifiersConflict, and no third cluster comes within <see cref="OnlyChildMargin"/> points of the row. One
    /// pair's different identifier is a reason for a person to look; a row that agrees at link strength with each of a
    /// child's several rows, written at different times, with no other child near, is that child with a number written
    /// wrongly or re-issued. A twin or a brother or sister fires a twin or sibling rule as well and is never joined here,
    /// nor is a row with a twin sign of its own (a row of its family name and date of birth with another given name).
    /// </summary>
    private static void JoinARowEveryRowOfAChildAgreesWith(
        IReadOnlyList<PersonRecord> records,
        MatchingOptions scaled,
        Candidate[] candidates,
        List<ScoredPair> decided,
        UnionFind sets,
        ClusterEvidence[] evidence,
        List<int>?[] twinSigns)
    {
        var byRow = new Dictionary<int, List<Candidate>>();
        foreach (var c in candidates)
        {
            if (c.Decision != MatchDecision.NewChild || c.IdentifierOnly)
            {
                (byRow.TryGetValue(c.First, out var a) ? a : byRow[c.First] = []).Add(c);
                (byRow.TryGetValue(c.Second, out var b) ? b : byRow[c.Second] = []).Add(c);
            }
        }

        var size = new Dictionary<int, int>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = sets.Find(i);
            size[root] = size.GetValueOrDefault(root) + 1;
        }

        var reviewAt = new Dictionary<(int, int), int>();
        for (var i = 0; i < decided.Count; i++)
        {
            if (decided[i].Decision == MatchDecision.Review)
            {
                reviewAt[(decided[i].First, decided[i].Second)] = i;
            }
        }

        foreach (var c in candidates
            .Where(c => c.IdentifierOnly && c.RawScore >= scaled.UpperThreshold)
            .OrderByDescending(c => c.RawScore).ThenBy(c => c.First).ThenBy(c => c.Second))
        {
            foreach (var (row, other) in new[] { (c.First, c.Second), (c.Second, c.First) })
            {
                var own = sets.Find(row);
                var target = sets.Find(other);
                if (own == target || size[own] != 1 || size[target] < 2 || twinSigns[row] is not null
                    || !AgreesWithEveryRow(row, target, own, c.RawScore))
                {
                    continue;
                }

                var root = sets.Union(own, target);
                evidence[root] = evidence[own].With(evidence[target]);
                size[root] = size[target] + 1;
                var pair = new ScoredPair(c.First, c.Second, c.RawScore, MatchDecision.Link, MatchTexts.EveryRowOfTheChildAgrees);
                if (reviewAt.TryGetValue((c.First, c.Second), out var at))
                {
                    decided[at] = pair;
                }
                else
                {
                    decided.Add(pair);
                }

                break;
            }
        }

        // Every row of the target cluster is a candidate of the row at the upper threshold (raw), held by nothing but
        // the identifier; and no candidate in a third cluster comes within the margin of the pair.
        bool AgreesWithEveryRow(int row, int target, int own, double raw)
        {
            var reached = new HashSet<int>();
            foreach (var c in byRow.GetValueOrDefault(row) ?? [])
            {
                var other = c.First == row ? c.Second : c.First;
                var root = sets.Find(other);
                if (root == target)
                {
                    if (c.RawScore >= scaled.UpperThreshold && (c.IdentifierOnly || !c.Capped))
                    {
                        reached.Add(other);
                    }
                }
                else if (root != own && c.RawScore >= raw - OnlyChildMargin)
                {
                    return false;
                }
            }

            return reached.Count == size[target];
        }
    }

    /// <summary>
    /// Cluster-level evidence for rows that say little of themselves (decision 0097). A review pair joins its two
    /// clusters when one of them gives no date of birth (its rows hold a name, perhaps a sex or a postcode), or only
    /// dates one slip from the other's, and: the pair scores within <see cref="OnlyChildBelow"/> points of the upper
    /// threshold with no veto or caution; no third cluster that gives a date of birth carries either row's name (given
    /// and family name keys); neither row has another candidate in a third cluster within <see cref="OnlyChildMargin"/>
    /// points; and nothing the two clusters hold says two children (different identifiers, postcodes only in other
    /// districts, a date of birth that disagrees, another known sex). The pair alone cannot say which of two children
    /// of one name such a row is; the batch can say there is only one. A namesake with a date of birth of its own keeps
    /// every such row apart, as does a date that is the same (a namesake's shape, left to the waiting rule above).
    /// </summary>
    private static void JoinTheOnlyChildOfTheName(
        IReadOnlyList<PersonRecord> records,
        MatchingOptions scaled,
        Candidate[] candidates,
        List<ScoredPair> decided,
        UnionFind sets,
        ClusterEvidence[] evidence,
        List<Candidate>?[] rivals)
    {
        var floor = scaled.UpperThreshold - OnlyChildBelow;
        var nameOf = new string?[records.Count];
        var datedRowsOfName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var rowsOfName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var given = NameNormaliser.GivenNameKey(records[i].GivenName);
            var family = NameNormaliser.FamilyNameKey(records[i].FamilyName);
            if (given.Length == 0 || family.Length == 0)
            {
                continue;
            }

            var name = nameOf[i] = given + "|" + family;
            if (!rowsOfName.TryGetValue(name, out var named))
            {
                rowsOfName[name] = named = [];
            }

            named.Add(i);
            if (records[i].DateOfBirth is not null)
            {
                if (!datedRowsOfName.TryGetValue(name, out var rows))
                {
                    datedRowsOfName[name] = rows = [];
                }

                rows.Add(i);
            }
        }

        var reviewAt = new Dictionary<(int, int), int>();
        for (var i = 0; i < decided.Count; i++)
        {
            if (decided[i].Decision == MatchDecision.Review)
            {
                reviewAt[(decided[i].First, decided[i].Second)] = i;
            }
        }

        var members = new Dictionary<int, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            var root = sets.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }

            list.Add(i);
        }

        foreach (var c in candidates
            .Where(c => c.Kind == CandidateKind.Plain && !c.Capped && c.Decision == MatchDecision.Review && c.Score >= floor)
            .OrderByDescending(c => c.Score).ThenBy(c => c.First).ThenBy(c => c.Second))
        {
            if (!reviewAt.TryGetValue((c.First, c.Second), out var at) || nameOf[c.First] is not { } first || nameOf[c.Second] is not { } second)
            {
                continue;
            }

            var a = sets.Find(c.First);
            var b = sets.Find(c.Second);
            if (a == b || evidence[a].ConflictsWith(evidence[b]) || evidence[a].LivesApartFrom(evidence[b])
                || !OneSaysLittle(members[a], members[b], records, first == second)
                || DatedElsewhere(first, a, b) || DatedElsewhere(second, a, b)
                || AnotherChildOfTheName(first, a, b) || AnotherChildOfTheName(second, a, b)
                || Rivalled(c, c.First, a, b) || Rivalled(c, c.Second, a, b)
                || Contradict(members[a], members[b], records))
            {
                continue;
            }

            var root = sets.Union(a, b);
            evidence[root] = evidence[a].With(evidence[b]);
            var joined = members[a];
            joined.AddRange(members[b]);
            members.Remove(a);
            members.Remove(b);
            members[root] = joined;
            decided[at] = decided[at] with { Decision = MatchDecision.Link, Reason = MatchTexts.OnlyChildOfTheName };
        }

        bool DatedElsewhere(string name, int a, int b) =>
            datedRowsOfName.TryGetValue(name, out var rows) && rows.Any(r => sets.Find(r) is var root && root != a && root != b);

        // A third cluster of the name, dated or not, that says it is another child than either of the pair (another
        // district, another sex, another date, another identifier): the batch holds two children of the name, so it
        // cannot say which one a row that says little is, whichever row is reached first.
        bool AnotherChildOfTheName(string name, int a, int b) =>
            rowsOfName.TryGetValue(name, out var rows) && rows.Any(r => sets.Find(r) is var root && root != a && root != b
                && (Apart(root, a) || Apart(root, b)));

        bool Apart(int root, int other) =>
            evidence[root].ConflictsWith(evidence[other]) || evidence[root].LivesApartFrom(evidence[other])
            || Contradict(members[root], members[other], records);

        bool Rivalled(Candidate pair, int row, int a, int b) =>
            rivals[row] is { } list && list.Any(r => r != pair && r.Score >= pair.Score - OnlyChildMargin
                && sets.Find(r.First == row ? r.Second : r.First) is var root && root != a && root != b);

        // One cluster gives no date of birth, or the two give only dates one slip apart (never the same date: two
        // clusters of one name and one birth date are the namesake the waiting rule is for) and the same name as
        // written: twins with names that sound alike (Jack, Jake), or sisters given forms of one name born on one day of
        // different years, are dated rows a slip apart too.
        static bool OneSaysLittle(List<int> left, List<int> right, IReadOnlyList<PersonRecord> records, bool sameName)
        {
            var leftDated = left.Any(r => records[r].DateOfBirth is not null);
            var rightDated = right.Any(r => records[r].DateOfBirth is not null);
            return leftDated != rightDated
                || (leftDated && sameName && left.All(x => right.All(y => DateOfBirthComparison.Compare(records[x].DateOfBirth, records[y].DateOfBirth)
                    is AgreementLevel.Missing or AgreementLevel.DayMonthSwapped or AgreementLevel.OneDigitOff or AgreementLevel.YearOffByOne)));
        }

        static bool Contradict(List<int> left, List<int> right, IReadOnlyList<PersonRecord> records) =>
            left.Any(x => right.Any(y =>
                DateOfBirthComparison.Compare(records[x].DateOfBirth, records[y].DateOfBirth) == AgreementLevel.Disagree
                || (records[x].Sex is Sex.Male or Sex.Female && records[y].Sex is Sex.Male or Sex.Female && records[x].Sex != records[y].Sex)));
    }

    /// <summary>
    /// Whether either row of a twin caution has a twin sign from a row in neither row's strong cluster: a row with the
    /// same family name and date of birth and a different given name that no strong link has already made one of
    /// them.
    /// </summary>
    private static bool TwinInSight(Candidate c, List<int>?[] twinSigns, UnionFind strong)
    {
        var first = strong.Find(c.First);
        var second = strong.Find(c.Second);
        foreach (var row in (ReadOnlySpan<int>)[c.First, c.Second])
        {
            if (twinSigns[row] is not { } signs)
            {
                continue;
            }

            foreach (var other in signs)
            {
                var root = strong.Find(other);
                if (root != first && root != second)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether an extra link may join its two clusters now: yes, never (they hold different identifiers), or not yet (a toss-up).</summary>
    private static Outcome Try(Candidate c, UnionFind sets, ClusterEvidence[] evidence, List<Candidate>?[] rivals)
    {
        var first = sets.Find(c.First);
        var second = sets.Find(c.Second);
        if (first == second)
        {
            return Outcome.Joined;
        }

        if (evidence[first].ConflictsWith(evidence[second]))
        {
            return Outcome.Conflict;
        }

        return Ambiguous(c, c.First, c.Second, rivals, sets, evidence) || Ambiguous(c, c.Second, c.First, rivals, sets, evidence)
            ? Outcome.Ambiguous
            : Outcome.Joined;
    }

    private static void Join(Candidate c, UnionFind sets, ClusterEvidence[] evidence)
    {
        var first = sets.Find(c.First);
        var second = sets.Find(c.Second);
        if (first != second)
        {
            var root = sets.Union(first, second);
            evidence[root] = evidence[first].With(evidence[first == root ? second : first]);
        }
    }

    /// <summary>
    /// Whether <paramref name="row"/> has another candidate, within <see cref="AmbiguityMargin"/> of this pair's score,
    /// in a third cluster known to be another child than <paramref name="target"/>'s (different identifiers) or to
    /// live apart from it (postcodes in other districts only): the row could be either child.
    /// </summary>
    private static bool Ambiguous(Candidate pair, int row, int target, List<Candidate>?[] rivals, UnionFind sets, ClusterEvidence[] evidence)
    {
        if (rivals[row] is not { } list)
        {
            return false;
        }

        var own = sets.Find(row);
        var targetRoot = sets.Find(target);
        foreach (var rival in list)
        {
            if (rival.Score < pair.Score - AmbiguityMargin)
            {
                continue;
            }

            var root = sets.Find(rival.First == row ? rival.Second : rival.First);
            if (root != own && root != targetRoot
                && (evidence[root].ConflictsWith(evidence[targetRoot]) || evidence[root].LivesApartFrom(evidence[targetRoot])))
            {
                return true;
            }
        }

        return false;
    }

    private enum Outcome
    {
        /// <summary>Join (or already joined).</summary>
        Joined,

        /// <summary>The clusters hold different identifiers of one kind: never join; a person decides.</summary>
        Conflict,

        /// <summary>A row could be either of two children: not now, perhaps once other rows have joined.</summary>
        Ambiguous,
    }

    private enum CandidateKind
    {
        /// <summary>Decided by the engine's score alone.</summary>
        Plain,

        /// <summary>Capped only because the rows could be twins (no given name, or one name and different sexes).</summary>
        TwinCaution,

        /// <summary>A twin caution set aside: no twin is in sight of either row.</summary>
        SetAside,

        /// <summary>Same family name and date of birth, different given names: a twin is in the batch.</summary>
        TwinSign,
    }

    /// <summary>A pair as a search found it; <paramref name="Capped"/> when a veto or caution holds its decision down.</summary>
    /// <param name="IdentifierOnly">The only rule holding the pair down is IdentifiersConflict (decision 0104).</param>
    private readonly record struct Candidate(int First, int Second, double Score, double RawScore, MatchDecision Decision, CandidateKind Kind, bool Capped, bool IdentifierOnly = false);

    /// <summary>
    /// The valid identifiers a cluster's rows carry, by kind (usually none or one of each), the UK postcode districts they
    /// give, and the postcodes they give that are not UK postcodes, as written (decision 0109).
    /// </summary>
    private readonly record struct ClusterEvidence(string[] Nhs, string[] Upn, string[] Pnc, string[] Districts, string[] Abroad)
    {
        public ClusterEvidence(PersonRecord record)
            : this(
                Single(PersonIdentifiers.NormaliseNhsNumber(record.NhsNumber)),
                Single(PersonIdentifiers.NormaliseUniquePupilNumber(record.UniquePupilNumber)),
                Single(PersonIdentifiers.NormalisePncId(record.PncId)),
                Single(Postcodes.Normalise(record.Postcode)?.Split(' ')[0]),
                Single(Postcodes.AsWritten(record.Postcode)))
        {
        }

        /// <summary>
        /// Both clusters give postcodes of one kind and share none, and share no postcode of the other kind either: as far
        /// as the rows say, the two children live apart (a shared UK district with two codes mistyped out of shape is one
        /// home, not two).
        /// UK postcodes by their district; postcodes from abroad (decision 0102) as written, the whole code, since their
        /// shape says nothing of a district (decision 0109: read as UK postcodes only, every row from abroad was somewhere
        /// unknown, and a row between a child and her namesake abroad joined the first reached). A UK postcode against one
        /// that is not says nothing, as in the engine: a move abroad, or a UK postcode mistyped out of shape.
        /// </summary>
        public bool LivesApartFrom(ClusterEvidence other) =>
            !Shares(Districts, other.Districts) && !Shares(Abroad, other.Abroad)
            && (Conflict(Districts, other.Districts) || Conflict(Abroad, other.Abroad));

        /// <summary>Both clusters hold identifiers of one kind and none of them is shared: different children, or a slip a person should see.</summary>
        public bool ConflictsWith(ClusterEvidence other) =>
            Conflict(Nhs, other.Nhs) || Conflict(Upn, other.Upn) || Conflict(Pnc, other.Pnc);

        public ClusterEvidence With(ClusterEvidence other) =>
            new(Union(Nhs, other.Nhs), Union(Upn, other.Upn), Union(Pnc, other.Pnc), Union(Districts, other.Districts), Union(Abroad, other.Abroad));

        private static string[] Single(string? value) => value is null ? [] : [value];

        private static bool Shares(string[] left, string[] right) => left.Intersect(right, StringComparer.Ordinal).Any();

        private static bool Conflict(string[] left, string[] right) =>
            left.Length > 0 && right.Length > 0 && !left.Intersect(right, StringComparer.Ordinal).Any();

        private static string[] Union(string[] left, string[] right) =>
            right.Length == 0 ? left : left.Length == 0 ? right : [.. left.Union(right, StringComparer.Ordinal)];
    }
}

/// <summary>Disjoint sets over 0..n-1 with path halving and union by size.</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    /// <summary>Joins the two items' sets and returns the root of the joined set.</summary>
    public int Union(int first, int second)
    {
        var a = Find(first);
        var b = Find(second);
        if (a == b)
        {
            return a;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
        return a;
    }

    /// <summary>Each item's set as a number from 1, sets numbered in order of their first item; and the sets' sizes.</summary>
    public (int[] NumberOf, int[] Sizes) Number()
    {
        var numberOfRoot = new Dictionary<int, int>();
        var numbers = new int[_parent.Length];
        var sizes = new List<int>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var root = Find(i);
            if (!numberOfRoot.TryGetValue(root, out var number))
            {
                number = numberOfRoot.Count + 1;
                numberOfRoot[root] = number;
                sizes.Add(0);
            }

            numbers[i] = number;
            sizes[number - 1]++;
        }

        return (numbers, [.. sizes]);
    }
}
