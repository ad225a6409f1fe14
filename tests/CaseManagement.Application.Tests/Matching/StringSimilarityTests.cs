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
    public void OptimalStringAlignmentDistance_LongerThanStackBuffer_StillCorrect()
    {
        var first = new string('a', 100) + "xy";
        var second = new string('a', 100) + "yx";

        Assert.Equal(1, StringSimilarity.OptimalStringAlignmentDistance(first, second));
        Assert.Equal(2, StringSimilarity.OptimalStringAlignmentDistance(first, new string('a', 100)));
    }

    [Fact]
    public void JaroWinkler_LongerThanStackBuffer_StillCorrect()
    {
        var first = new string('a', 80) + "b";

        Assert.Equal(1.0, StringSimilarity.JaroWinkler(first, first), 6);
        Assert.InRange(StringSimilarity.JaroWinkler(first, new string('a', 81)), 0.98, 0.999);
    }
}
