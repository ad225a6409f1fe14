using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class AddressPartsTests
{
    [Theory]
    [InlineData("12", "High St", "12", "highstreet")]
    [InlineData("No. 12", "High Street", "12", "highstreet")]
    [InlineData("12 A", "Church Rd.", "12a", "churchroad")]
    [InlineData(null, "12a High St", "12a", "highstreet")]
    [InlineData("12 High Street", null, "12", "highstreet")]
    [InlineData("Tŷ Gwyn", "Heol-y-Bont", "tygwyn", "heolybont")]
    [InlineData("3", "Stryd Fawr", "3", "strydfawr")]
    [InlineData("7", "St Mary's Rd", "7", "saintmarysroad")]
    [InlineData(null, null, null, null)]
    public void Normalise_HouseAndStreet_AbbreviationsWrittenOutWelshKept(string? house, string? street, string? expectedHouse, string? expectedStreet) =>
        Assert.Equal((expectedHouse, expectedStreet), AddressParts.Normalise(house, street));

    [Theory]
    [InlineData("Ysgol Gyfun Rhydywaun", "gyfunrhydywaun")]
    [InlineData("The Cathays High School", "cathayshigh")]
    [InlineData("St Teilo's High", "saintteiloshigh")]
    [InlineData("Coedpenmaen Prim", "coedpenmaenprimary")]
    public void NormaliseSchool_FillerLeftOutAbbreviationsWrittenOut(string school, string expected) =>
        Assert.Equal(expected, AddressParts.NormaliseSchool(school));

    [Fact]
    public void NormaliseCarer_TitleDroppedGivenNameKept() =>
        Assert.Equal(("sian", "sianjonesevans"), AddressParts.NormaliseCarer("Mrs Siân Jones-Evans"));

    [Theory]
    [InlineData("ab-123 45", "AB12345")]
    [InlineData(" - ", null)]
    public void NormaliseIdentifier_LettersAndDigitsOnly(string value, string? expected) =>
        Assert.Equal(expected, AddressParts.NormaliseIdentifier(value));
}
