namespace CaseManagement.Application.Matching.Evaluation;

/// <summary>Two rows the engine scored at or above the lower threshold (a Review or a Link).</summary>
/// <param name="First">The lower row index.</param>
/// <param name="Second">The higher row index.</param>
/// <param name="Score">The score after any veto.</param>
/// <param name="Decision">Link (at or above the upper threshold) or Review.</param>
public readonly record struct ScoredPair(int First, int Second, double Score, MatchDecision Decision);

/// <summary>The clusters of a set of rows: rows in one cluster are taken to be the same child.</summary>
/// <param name="ClusterOf">For each row (in input order), its cluster number, from 1; clusters are numbered in order of their first row.</param>
/// <param name="ClusterSizes">The number of rows in each cluster, at [cluster number - 1].</param>
/// <param name="Pairs">Every pair scored at or above the lower threshold, each once, ordered by first then second row.</param>
/// <param name="CandidatesCompared">How many candidate records all the searches scored, in total.</param>
public sealed record ClusteringResult(
    IReadOnlyList<int> ClusterOf,
    IReadOnlyList<int> ClusterSizes,
    IReadOnlyList<ScoredPair> Pairs,
    long CandidatesCompared)
{
    /// <summary>How many clusters (distinct children) the rows make.</summary>
    public int ClusterCount => ClusterSizes.Count;

    /// <summary>How many pairs were linked automatically (scored at or above the upper threshold).</summary>
    public int LinkCount => Pairs.Count(p => p.Decision == MatchDecision.Link);
}

/// <summary>
/// Deduplicates a batch of records with the matching engine: every row is searched against all the others (blocking
/// with a <see cref="CandidateIndex"/>, name frequencies from the rows themselves), and each pair the engine would
/// link automatically joins the two rows' clusters (union-find). A pair scored in the review band is reported but
/// joins nothing, as in the running system where a person decides. Pure: the same rows and options give the same
/// clusters, whatever the number of threads.
/// </summary>
public static class RecordClusterer
{
    /// <summary>How many best candidates each row's search explains; links beyond this many still join through other rows.</summary>
    public const int DefaultMatchesPerRecord = 10;

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

        var index = CandidateIndex.Build(records);
        var engine = new MatchingEngine(options, InMemoryNameFrequencies.FromRecords(records));

        // Each row's search writes only its own slot, so the threads share nothing mutable and the merge below sees
        // the same pairs in the same order however the rows were scheduled.
        var found = new ScoredPair[records.Count][];
        var compared = new long[records.Count];
        Parallel.For(
            0,
            records.Count,
            new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken },
            row =>
            {
                var search = engine.Search(records[row], index, matchesPerRecord);
                compared[row] = search.CandidatesCompared;
                List<ScoredPair>? pairs = null;
                foreach (var match in search.Matches)
                {
                    if (match.Decision == MatchDecision.NewChild)
                    {
                        continue;
                    }

                    var other = rowOf[match.RightId];
                    pairs ??= [];
                    pairs.Add(new ScoredPair(Math.Min(row, other), Math.Max(row, other), match.Score, match.Decision));
                }

                found[row] = pairs?.ToArray() ?? [];
            });

        // Each pair once: a pair found from both rows keeps the higher score (scores are symmetric in practice).
        var unique = new Dictionary<(int, int), ScoredPair>();
        foreach (var pairs in found)
        {
            foreach (var pair in pairs)
            {
                var key = (pair.First, pair.Second);
                if (!unique.TryGetValue(key, out var existing) || pair.Score > existing.Score)
                {
                    unique[key] = pair;
                }
            }
        }

        var ordered = unique.Values.OrderBy(p => p.First).ThenBy(p => p.Second).ToList();
        var sets = new UnionFind(records.Count);
        foreach (var pair in ordered)
        {
            if (pair.Decision == MatchDecision.Link)
            {
                sets.Union(pair.First, pair.Second);
            }
        }

        var (clusterOf, sizes) = sets.Number();
        return new ClusteringResult(clusterOf, sizes, ordered, compared.Sum());
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

    public void Union(int first, int second)
    {
        var a = Find(first);
        var b = Find(second);
        if (a == b)
        {
            return;
        }

        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _size[a] += _size[b];
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
