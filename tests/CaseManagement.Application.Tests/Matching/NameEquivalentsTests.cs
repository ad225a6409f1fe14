using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class NameEquivalentsTests
{
    [Theory]
    [InlineData("Dai", "Dafydd")]
    [InlineData("Dewi", "David")]
    [InlineData("Siôn", "John")]
    [InlineData("John", "Ioan")]
    [InlineData("Sion", "Ioan")]
    [InlineData("Gwilym", "Bill")]
    [InlineData("Liam", "William")]
    [InlineData("Rhys", "Reece")]
    [InlineData("Ifan", "Evan")]
    [InlineData("Ifan", "John")]
    [InlineData("Siân", "Jane")]
    [InlineData("Catrin", "Kate")]
    [InlineData("Llew", "Lewis")]
    [InlineData("Twm", "Tommy")]
    [InlineData("Bethan", "Liz")]
    [InlineData("Harry", "Henry")]
    [InlineData("Ellie", "Eleanor")]
    [InlineData("Elin", "Eleanor")]
    [InlineData("Sam", "Samantha")]
    [InlineData("Charlie", "Charles")]
    public void AreEquivalent_SameGroup_True(string first, string second)
    {
        Assert.True(NameEquivalents.AreEquivalent(first, second));
        Assert.True(NameEquivalents.AreEquivalent(second, first));
    }

    [Theory]
    [InlineData("Evan", "John")]
    [InlineData("Ellie", "Elin")]
    [InlineData("Samuel", "Samantha")]
    [InlineData("Dafydd", "John")]
    [InlineData("Sian", "Sion")]
    [InlineData("Megan", "Mary")]
    [InlineData("Dylan", "David")]
    [InlineData("Gethin", "Gareth")]
    [InlineData(null, "David")]
    public void AreEquivalent_NoSharedGroup_False(string? first, string second)
    {
        Assert.False(NameEquivalents.AreEquivalent(first, second));
    }

    [Fact]
    public void AreEquivalent_SameNameNotInTable_True()
    {
        Assert.True(NameEquivalents.AreEquivalent("Nia", "NIA"));
    }

    [Fact]
    public void Groups_EveryName_IsItsOwnNormalisedKey()
    {
        var names = NameEquivalents.Groups.SelectMany(g => g).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Equal(NameNormaliser.GivenNameKey(name), name));
    }
}
