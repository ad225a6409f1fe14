namespace CaseManagement.Application.Matching;

/// <summary>
/// The known records, prepared once, with an inverted index from blocking key to records, so that a referral is
/// scored against the few records that share a key with it rather than against all of them. Immutable once built,
/// so one index serves any number of concurrent searches; rebuild it (or keep a small second index) as children are added.
/// </summary>
/// <remarks>
/// The postings are held as three flat arrays (sorted distinct keys, offsets, record positions) rather than a
/// dictionary of lists, so a million records with about ten keys each need no per-key objects; a look-up is a
/// binary search.
/// </remarks>
public sealed class CandidateIndex
{
    private readonly PreparedRecord[] _records;
    private readonly ulong[] _keys;
    private readonly int[] _offsets;
    private readonly int[] _postings;

    private CandidateIndex(PreparedRecord[] records, ulong[] keys, int[] offsets, int[] postings)
    {
        _records = records;
        _keys = keys;
        _offsets = offsets;
        _postings = postings;
    }

    /// <summary>How many records the index holds.</summary>
    public int Count => _records.Length;

    /// <summary>How many distinct blocking keys the index holds.</summary>
    public int KeyCount => _keys.Length;

    /// <summary>Prepares the records and indexes their blocking keys.</summary>
    public static CandidateIndex Build(IEnumerable<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var source = records as IReadOnlyList<PersonRecord> ?? records.ToList();
        var cache = new PreparationCache();
        var prepared = new PreparedRecord[source.Count];
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = PreparedRecord.Prepare(source[i], cache);
        }

        var pairKeys = new ulong[Math.Max(16, prepared.Length * 8)];
        var pairRecords = new int[pairKeys.Length];
        var pairs = 0;
        Span<ulong> keys = stackalloc ulong[BlockingKeys.MaxKeys];
        for (var i = 0; i < prepared.Length; i++)
        {
            var count = BlockingKeys.Write(prepared[i], keys, out _);
            while (pairs + count > pairKeys.Length)
            {
                Array.Resize(ref pairKeys, pairKeys.Length * 2);
                Array.Resize(ref pairRecords, pairKeys.Length);
            }

            for (var k = 0; k < count; k++)
            {
                pairKeys[pairs] = keys[k];
                pairRecords[pairs] = i;
                pairs++;
            }
        }

        Array.Sort(pairKeys, pairRecords, 0, pairs);

        var distinct = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (i == 0 || pairKeys[i] != pairKeys[i - 1])
            {
                distinct++;
            }
        }

        var indexKeys = new ulong[distinct];
        var offsets = new int[distinct + 1];
        var postings = new int[pairs];
        Array.Copy(pairRecords, postings, pairs);
        var next = 0;
        for (var i = 0; i < pairs; i++)
        {
            if (i == 0 || pairKeys[i] != pairKeys[i - 1])
            {
                indexKeys[next] = pairKeys[i];
                offsets[next] = i;
                next++;
            }
        }

        offsets[distinct] = pairs;
        return new CandidateIndex(prepared, indexKeys, offsets, postings);
    }

    /// <summary>
    /// The identifiers of the records that share a blocking key with this one (itself included if indexed), skipping
    /// non-identifier keys that hold more than <paramref name="maxCandidatesPerKey"/> records.
    /// </summary>
    public IReadOnlyList<Guid> CandidateIdsFor(PersonRecord record, int maxCandidatesPerKey = int.MaxValue)
    {
        var candidates = Candidates(PreparedRecord.Prepare(record), maxCandidatesPerKey, out _);
        var ids = new List<Guid>(candidates.Count);
        foreach (var position in candidates)
        {
            ids.Add(_records[position].Source.Id);
        }

        return ids;
    }

    /// <summary>
    /// Every block: its key (as <see cref="MatchBlocking.KeysOf(PersonRecord)"/> gives it), how many records it holds and
    /// the first of them, to see at scale which keys crowd (the benchmarks, decision 0100).
    /// </summary>
    public IEnumerable<(long Key, int Size, Guid FirstRecordId)> Blocks()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return (unchecked((long)_keys[i]), _offsets[i + 1] - _offsets[i], _records[_postings[_offsets[i]]].Source.Id);
        }
    }

    internal PreparedRecord Record(int position) => _records[position];

    /// <summary>Whether the index holds these records, in this order (by their ids): built from them, so a batch may share it.</summary>
    /// <remarks>
    /// Only the ids and their order are checked, not the details: an index built from rows with the same ids in the
    /// same order but other names, dates or identifiers passes, and would be searched with the details it was built
    /// from. Callers build the index from the very list they pass (as <c>RecordClusterer.ClusterBatch</c> does).
    /// </remarks>
    public bool Holds(IReadOnlyList<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count != _records.Length)
        {
            return false;
        }

        for (var i = 0; i < _records.Length; i++)
        {
            if (_records[i].Source.Id != records[i].Id)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every pair of indexed records that either one's search finds, each once as (lower position, higher position;
    /// positions in the order the records were given to <see cref="Build"/>), whichever side found it (decision 0113).
    /// A search that says little reads keys a fuller one does not (decision 0107), so a pair can be found from one side
    /// only; the batch scores it from that side, and learning and the probes must see it too. Nothing is kept between
    /// records: every non-identifier key a record holds is one its own search reads, except the wider keys, so only a
    /// search that reads a wider key (<see cref="BlockingKeys.SearchReadsWider"/>, records with no date of birth) can
    /// find a lower record whose search does not find it back, and only for those are the lower record's keys checked.
    /// </summary>
    public IEnumerable<(int Lower, int Higher)> CandidatePairs(int maxCandidatesPerKey) =>
        CandidatePairsOfRows(maxCandidatesPerKey, 0, _records.Length);

    /// <summary>
    /// The pairs of <see cref="CandidatePairs(int)"/> that the searches of the records at positions
    /// <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive) yield, in the same order: the whole
    /// sequence is these ranges one after another, so threads may take a range each and their results, put back in
    /// range order, are the sequence itself (decision 0117).
    /// </summary>
    internal IEnumerable<(int Lower, int Higher)> CandidatePairsOfRows(int maxCandidatesPerKey, int from, int to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, _records.Length);
        var held = new ulong[BlockingKeys.MaxKeys];
        for (var i = from; i < to; i++)
        {
            var found = Candidates(_records[i], maxCandidatesPerKey, out _);
            var first = found.BinarySearch(i);
            first = first >= 0 ? first + 1 : ~first;
            if (first > 0 && BlockingKeys.SearchReadsWider(_records[i]))
            {
                var count = BlockingKeys.Write(_records[i], held, out _);
                Array.Sort(held, 0, count);
                for (var k = 0; k < first; k++)
                {
                    if (!SearchFinds(found[k], held.AsSpan(0, count), maxCandidatesPerKey))
                    {
                        yield return (found[k], i);
                    }
                }
            }

            for (var k = first; k < found.Count; k++)
            {
                yield return (i, found[k]);
            }
        }
    }

    /// <summary>Whether the searcher's search reads a key (not skipped for its size) that a record holding <paramref name="heldSorted"/> holds.</summary>
    private bool SearchFinds(int searcher, ReadOnlySpan<ulong> heldSorted, int maxCandidatesPerKey)
    {
        Span<ulong> keys = stackalloc ulong[BlockingKeys.MaxKeys];
        var count = BlockingKeys.Write(_records[searcher], keys, out var identifierKeys, search: true);
        for (var k = 0; k < count; k++)
        {
            if (heldSorted.BinarySearch(keys[k]) < 0)
            {
                continue;
            }

            var block = Array.BinarySearch(_keys, keys[k]);
            if (k < identifierKeys || _offsets[block + 1] - _offsets[block] <= maxCandidatesPerKey)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether either record's search finds the other: the pair is compared in a batch (<see cref="CandidatePairs"/>).</summary>
    public bool FindsEitherWay(int left, int right, int maxCandidatesPerKey) =>
        Candidates(_records[left], maxCandidatesPerKey, out _).BinarySearch(right) >= 0
        || Candidates(_records[right], maxCandidatesPerKey, out _).BinarySearch(left) >= 0;

    /// <summary>Positions of the records sharing a key with the probe, each once, in ascending order.</summary>
    internal List<int> Candidates(PreparedRecord probe, int maxCandidatesPerKey, out int skippedKeys)
    {
        Span<ulong> keys = stackalloc ulong[BlockingKeys.MaxKeys];
        var count = BlockingKeys.Write(probe, keys, out var identifierKeys, search: true);
        skippedKeys = 0;

        var total = 0;
        Span<int> starts = stackalloc int[count];
        Span<int> ends = stackalloc int[count];
        for (var k = 0; k < count; k++)
        {
            var found = Array.BinarySearch(_keys, keys[k]);
            if (found < 0)
            {
                continue;
            }

            var start = _offsets[found];
            var end = _offsets[found + 1];
            if (k >= identifierKeys && end - start > maxCandidatesPerKey)
            {
                skippedKeys++;
                continue;
            }

            starts[k] = start;
            ends[k] = end;
            total += end - start;
        }

        var positions = new List<int>(total);
        for (var k = 0; k < count; k++)
        {
            for (var p = starts[k]; p < ends[k]; p++)
            {
                positions.Add(_postings[p]);
            }
        }

        positions.Sort();
        var unique = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            if (i == 0 || positions[i] != positions[i - 1])
            {
                positions[unique++] = positions[i];
            }
        }

        positions.RemoveRange(unique, positions.Count - unique);
        return positions;
    }
}
