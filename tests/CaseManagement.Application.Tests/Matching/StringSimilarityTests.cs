using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class StringSimilarityTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.896)]
    public void JaroWinkler_KnownPairs_KnownValues(string first, string second, double expected)
    {
        Assert.Equal(expected, StringSimilarity.JaroWinkler(first, second), 3);
        Assert.Equal(expected, StringSimilarity.JaroWinkler(second, first), 3);
    }

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.944)]
    [InlineData("DWAYNE", "DUANE", 0.822)]
    [InlineData("DIXON", "DICKSONX", 0.767)]
    public void Jaro_KnownPairs_KnownValues(string first, string second, double expected)
    {
        Assert.Equal(expected, StringSimilarity.Jaro(first, second), 3);
    }

    [Theory]
    [InlineData("dafydd", "dafydd", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("", "abc", 0.0)]
    public void JaroWinkler_EdgeCases_Bounds(string first, string second, double expected)
    {
        Assert.Equal(expected, StringSimilarity.JaroWinkler(first, second), 6);
    }

    [Theory]
    [InlineData("CA", "ABC", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("dafydd", "dafyd", 1)]
    [InlineData("megan", "megna", 1)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("rhys", "rhys", 0)]
    public void OptimalStringAlignmentDistance_KnownPairs_KnownValues(string first, string second, int expected)
    {
        Assert.Equal(expected, StringSimilarity.OptimalStringAlignmentDistance(first, second));
    }

    [Fact]
    public void OptimalStringAlignmentDistance_BoundBeyondAnyDistance_TheDistance()
    {
        Assert.Equal(3, StringSimilarity.OptimalStringAlignmentDistance("kitten", "sitting", int.MaxValue));
        Assert.Equal(0, StringSimilarity.OptimalStringAlignmentDistance("", "", int.MaxValue));
    }

    [Fact]
    public void OptimalStringAlignmentDistance_LongerThanStackBuffer_StillCorrect()
    {
        var first = new string('a', 100) + "xy";
        var second = new string('a', 100) + "yx";

        Assert.Equal(1, StringSimilarity.OptimalStringAlignmentDistance(first, second));
        Assert.Equal(2, StringSimilarity.OptimalStringAlignmentDistance(first, new string('a', 100)));
    }

    [Theory]
    [InlineData("kitten", "sitting", 2, 3)]
    [InlineData("kitten", "sitting", 3, 3)]
    [InlineData("07700900123", "07700900132", 1, 1)]
    [InlineData("07700900123", "07800900132", 1, 2)]
    [InlineData("megan.evans12@gmail.com", "megan.evasn12@gmail.com", 2, 1)]
    [InlineData("cardiff", "swansea", 2, 3)]
    [InlineData("ab", "abcd", 1, 2)]
    [InlineData("", "ab", 2, 2)]
    [InlineData("abc", "abc", 0, 0)]
    public void OptimalStringAlignmentDistance_Bounded_TheDistanceOrOnePastTheBound(string first, string second, int max, int expected)
    {
        Assert.Equal(expected, StringSimilarity.OptimalStringAlignmentDistance(first, second, max));
    }

    [Fact]
    public void OptimalStringAlignmentDistance_ManyPairs_AgreesWithTheFullTableUpToTheBound()
    {
        // Short words over four letters, so that transpositions, slips at either end and near misses are all common.
        var random = new Random(100);
        string Word() => new([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => "abcd"[random.Next(4)])]);
        for (var n = 0; n < 20_000; n++)
        {
            var (first, second, max) = (Word(), Word(), random.Next(0, 4));
            var full = FullTable(first, second);

            Assert.Equal(full, StringSimilarity.OptimalStringAlignmentDistance(first, second));
            Assert.Equal(Math.Min(full, max + 1), StringSimilarity.OptimalStringAlignmentDistance(first, second, max));
        }

        var longer = new string('a', 100) + "xy";
        Assert.Equal(1, StringSimilarity.OptimalStringAlignmentDistance(longer, new string('a', 100) + "yx", 2));
        Assert.Equal(3, StringSimilarity.OptimalStringAlignmentDistance(longer, new string('b', 102), 2));
    }

    /// <summary>The textbook table, every cell computed: what the bounded form must agree with.</summary>
    private static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                d[i, j] = i == 0 ? j : j == 0 ? i : Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [Fact]
    public void JaroWinkler_LongerThanStackBuffer_StillCorrect()
    {
        var first = new string('a', 80) + "b";

        Assert.Equal(1.0, StringSimilarity.JaroWinkler(first, first), 6);
        Assert.InRange(StringSimilarity.JaroWinkler(first, new string('a', 81)), 0.98, 0.999);
    }
}
