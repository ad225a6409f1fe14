using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class PostcodesTests
{
    [Theory]
    [InlineData("cf371ab", "CF37 1AB")]
    [InlineData("  CF37   1AB ", "CF37 1AB")]
    [InlineData("sa1 1aa", "SA1 1AA")]
    [InlineData("LL57 2PW", "LL57 2PW")]
    [InlineData("W1A 0AX", "W1A 0AX")]
    [InlineData("m1 1ae", "M1 1AE")]
    public void Normalise_Postcodes_UpperCaseWithOneSpace(string value, string expected)
    {
        Assert.Equal(expected, Postcodes.Normalise(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CF37")]
    [InlineData("not a postcode")]
    [InlineData("1CF 1AB")]
    [InlineData("CF37 ABC")]
    [InlineData("CFF37 1AB")]
    public void Normalise_NotAPostcode_Null(string? value)
    {
        Assert.Null(Postcodes.Normalise(value));
    }

    [Theory]
    [InlineData("CF37 1AB", "cf37 1ab", AgreementLevel.Exact)]
    [InlineData("CF37 1AB", "CF371AB", AgreementLevel.Exact)]
    [InlineData("CF37 1AB", "CF37 1XY", AgreementLevel.Sector)]
    [InlineData("CF37 1AB", "CF37 4DP", AgreementLevel.District)]
    [InlineData("CF37 1AB", "CF38 1AB", AgreementLevel.Disagree)]
    [InlineData("CF37 1AB", "SA1 1AA", AgreementLevel.Disagree)]
    [InlineData("CF3 1AB", "CF37 1AB", AgreementLevel.Disagree)]
    [InlineData("CF37 1AB", null, AgreementLevel.Missing)]
    [InlineData("CF37 1AB", "unknown", AgreementLevel.Missing)]
    public void Compare_Postcodes_Level(string? first, string? second, AgreementLevel expected)
    {
        Assert.Equal(expected, Postcodes.Compare(first, second));
        Assert.Equal(expected, Postcodes.Compare(second, first));
    }
}
