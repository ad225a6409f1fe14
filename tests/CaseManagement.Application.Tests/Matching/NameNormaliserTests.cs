using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class NameNormaliserTests
{
    [Theory]
    [InlineData("Siôn", "sion")]
    [InlineData("Siân", "sian")]
    [InlineData("Ŵyn", "wyn")]
    [InlineData("Ŷr Âêîôû", "yr aeiou")]
    [InlineData("GWENLLÏAN", "gwenllian")]
    [InlineData("Zoë Ørsted", "zoe orsted")]
    public void Fold_AccentsIncludingWelsh_FoldToBaseLetters(string name, string expected)
    {
        Assert.Equal(expected, NameNormaliser.Fold(name));
    }

    [Theory]
    [InlineData("O'Connor")]
    [InlineData("OConnor")]
    [InlineData("O Connor")]
    [InlineData("o’connor")]
    [InlineData("  O'CONNOR ")]
    public void FamilyNameKey_ApostropheAndSpaceVariants_SameKey(string name)
    {
        Assert.Equal("oconnor", NameNormaliser.FamilyNameKey(name));
    }

    [Theory]
    [InlineData("Thomas-Lewis")]
    [InlineData("Thomas Lewis")]
    [InlineData("thomas – lewis")]
    public void FamilyNameKey_DoubleBarrelled_JoinsParts(string name)
    {
        Assert.Equal("thomaslewis", NameNormaliser.FamilyNameKey(name));
        Assert.Equal(["thomas", "lewis"], NameNormaliser.FamilyNameParts(name));
    }

    [Theory]
    [InlineData("Mr Dafydd", "dafydd")]
    [InlineData("Mrs Mair", "mair")]
    [InlineData("Miss Megan", "megan")]
    [InlineData("Ms. Elin", "elin")]
    [InlineData("Master Tomos", "tomos")]
    [InlineData("Dr Siân", "sian")]
    public void GivenNameKey_LeadingTitle_Removed(string name, string expected)
    {
        Assert.Equal(expected, NameNormaliser.GivenNameKey(name));
    }

    [Fact]
    public void GivenNameKey_TitleOnly_KeptBecauseNothingElseIsLeft()
    {
        Assert.Equal("miss", NameNormaliser.GivenNameKey("Miss"));
    }

    [Fact]
    public void Fold_ExtraWhitespaceAndPunctuation_Collapsed()
    {
        Assert.Equal("mary jane", NameNormaliser.Fold("  Mary \t  Jane. "));
    }

    [Fact]
    public void GivenNameKey_HyphenatedFirstName_OneNameWithoutMiddleNames()
    {
        Assert.Equal("maryjane", NameNormaliser.GivenNameKey("Mary-Jane Elizabeth"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("123 .")]
    public void FamilyNameKey_NothingUsable_Empty(string? name)
    {
        Assert.Equal(string.Empty, NameNormaliser.FamilyNameKey(name));
    }
}
