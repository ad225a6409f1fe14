namespace CaseManagement.Application.Matching;

/// <summary>
/// String similarity measures, implemented here so that scoring allocates nothing for names of ordinary length.
/// Both compare characters exactly; normalise first (see <see cref="NameNormaliser"/>).
/// </summary>
public static class StringSimilarity
{
    /// <summary>Strings up to this length are compared with stack buffers; longer ones allocate.</summary>
    private const int StackLimit = 64;

    /// <summary>Winkler's scaling factor for the common prefix.</summary>
    private const double PrefixScale = 0.1;

    /// <summary>The longest common prefix Winkler's adjustment counts.</summary>
    private const int MaxPrefix = 4;

    /// <summary>Winkler applies the prefix bonus only to pairs already this similar.</summary>
    private const double BoostThreshold = 0.7;

    /// <summary>
    /// Jaro similarity (0 to 1): matching characters within half the longer length, less half the transpositions.
    /// Two empty strings are identical (1); one empty string matches nothing (0).
    /// </summary>
    public static double Jaro(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length == 0 && second.Length == 0)
        {
            return 1.0;
        }

        if (first.Length == 0 || second.Length == 0)
        {
            return 0.0;
        }

        var window = Math.Max(0, (Math.Max(first.Length, second.Length) / 2) - 1);
        Span<bool> firstMatched = first.Length <= StackLimit ? stackalloc bool[first.Length] : new bool[first.Length];
        Span<bool> secondMatched = second.Length <= StackLimit ? stackalloc bool[second.Length] : new bool[second.Length];

        var matches = 0;
        for (var i = 0; i < first.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(second.Length - 1, i + window);
            for (var j = start; j <= end; j++)
            {
                if (!secondMatched[j] && first[i] == second[j])
                {
                    firstMatched[i] = true;
                    secondMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < first.Length; i++)
        {
            if (!firstMatched[i])
            {
                continue;
            }

            while (!secondMatched[k])
            {
                k++;
            }

            if (first[i] != second[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / first.Length) + (m / second.Length) + ((m - (halfTranspositions / 2.0)) / m)) / 3.0;
    }

    /// <summary>
    /// Jaro-Winkler similarity (0 to 1): Jaro plus 0.1 × (common prefix up to 4) × (1 − Jaro), the bonus applied when
    /// Jaro exceeds 0.7. JaroWinkler("MARTHA", "MARHTA") ≈ 0.961; ("DWAYNE", "DUANE") ≈ 0.840; ("DIXON", "DICKSONX") ≈ 0.813.
    /// </summary>
    public static double JaroWinkler(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var jaro = Jaro(first, second);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var prefix = 0;
        var limit = Math.Min(MaxPrefix, Math.Min(first.Length, second.Length));
        while (prefix < limit && first[prefix] == second[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1.0 - jaro));
    }

    /// <summary>
    /// Damerau-Levenshtein distance in its optimal string alignment form: the fewest insertions, deletions,
    /// substitutions and transpositions of adjacent characters, no substring edited twice.
    /// ("CA", "ABC") is 3 here (the unrestricted distance is 2); ("kitten", "sitting") is 3; ("ab", "ba") is 1.
    /// </summary>
    public static int OptimalStringAlignmentDistance(ReadOnlySpan<char> first, ReadOnlySpan<char> second) =>
        OptimalStringAlignmentDistance(first, second, Math.Max(first.Length, second.Length));

    /// <summary>
    /// <see cref="OptimalStringAlignmentDistance(ReadOnlySpan{char}, ReadOnlySpan{char})"/> when it is at most
    /// <paramref name="max"/>, otherwise <c>max + 1</c>: what "one slip apart" and "two slips apart" ask, at a fraction of the
    /// cost for strings that are not (decision 0100: with towns, addresses and contacts on every record, the full table
    /// for every candidate's phone, e-mail, street and town was half of a search's time at a million children). Only the
    /// band of cells within <paramref name="max"/> of the diagonal is computed (any other is more than max), and it stops
    /// at the first row whose every cell is more than max (no later row can be less).
    /// </summary>
    public static int OptimalStringAlignmentDistance(ReadOnlySpan<char> first, ReadOnlySpan<char> second, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);

        // No distance exceeds the longer string's length, so a larger bound changes nothing (and max + 1 cannot overflow).
        max = Math.Min(max, Math.Max(first.Length, second.Length));
        var beyond = max + 1;
        if (Math.Abs(first.Length - second.Length) > max)
        {
            return beyond;
        }

        if (first.Length == 0 || second.Length == 0)
        {
            return Math.Max(first.Length, second.Length);
        }

        var width = second.Length + 1;
        var size = width * 3;
        Span<int> rows = size <= StackLimit * 3 ? stackalloc int[size] : new int[size];
        var beforePrevious = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        beforePrevious.Fill(beyond);
        for (var j = 0; j < width; j++)
        {
            previous[j] = Math.Min(j, beyond);
        }

        for (var i = 1; i <= first.Length; i++)
        {
            current.Fill(beyond);
            current[0] = Math.Min(i, beyond);
            var least = current[0];
            var to = Math.Min(second.Length, i + max);
            for (var j = Math.Max(1, i - max); j <= to; j++)
            {
                var cost = first[i - 1] == second[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && first[i - 1] == second[j - 2] && first[i - 2] == second[j - 1])
                {
                    best = Math.Min(best, beforePrevious[j - 2] + 1);
                }

                current[j] = Math.Min(best, beyond);
                least = Math.Min(least, current[j]);
            }

            if (least > max)
            {
                return beyond;
            }

            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }

        return previous[second.Length];
    }
}
