using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class PersonIdentifiersTests
{
    [Theory]
    [InlineData("943 476 5919", "9434765919")]
    [InlineData("9434765919", "9434765919")]
    [InlineData("943-476-5919", "9434765919")]
    [InlineData("401 023 2137", "4010232137")]
    public void NormaliseNhsNumber_Valid_TenDigits(string value, string expected)
    {
        Assert.Equal(expected, PersonIdentifiers.NormaliseNhsNumber(value));
        Assert.True(PersonIdentifiers.IsValidNhsNumber(value));
    }

    [Theory]
    [InlineData("943 476 5918")]
    [InlineData("943 476 591")]
    [InlineData("943 476 59190")]
    [InlineData("943 476 591X")]
    [InlineData("0000000000")]
    [InlineData("1111111111")]
    [InlineData("")]
    [InlineData(null)]
    public void NormaliseNhsNumber_Invalid_Null(string? value)
    {
        Assert.Null(PersonIdentifiers.NormaliseNhsNumber(value));
        Assert.False(PersonIdentifiers.IsValidNhsNumber(value));
    }

    [Fact]
    public void NormaliseNhsNumber_CheckDigitWouldBeTen_Invalid()
    {
        // Weights 10..2 on 000000001 give 2; 11 - 2 = 9, so 0000000019 is valid. For 000000006: sum 12,
        // 12 mod 11 = 1, check 10, which is never issued: no last digit makes it valid.
        Assert.NotNull(PersonIdentifiers.NormaliseNhsNumber("0000000019"));
        Assert.All(Enumerable.Range(0, 10), d => Assert.Null(PersonIdentifiers.NormaliseNhsNumber($"000000006{d}")));
    }

    [Fact]
    public void FormatNhsNumber_TenDigits_ThreeThreeFour()
    {
        Assert.Equal("943 476 5919", PersonIdentifiers.FormatNhsNumber("9434765919"));
    }

    [Theory]
    [InlineData("B801200005001", "B801200005001")]
    [InlineData("b8012 0000 5001", "B801200005001")]
    [InlineData("M80120000500A", "M80120000500A")]
    public void NormaliseUniquePupilNumber_Valid_UpperCase(string value, string expected)
    {
        Assert.Equal(expected, PersonIdentifiers.NormaliseUniquePupilNumber(value));
    }

    [Theory]
    [InlineData("A801200005001")]
    [InlineData("B80120000500")]
    [InlineData("B80120000A001")]
    [InlineData("I801200005001")]
    [InlineData("M80120000500I")]
    [InlineData("1801200005001")]
    public void NormaliseUniquePupilNumber_Invalid_Null(string value)
    {
        Assert.Null(PersonIdentifiers.NormaliseUniquePupilNumber(value));
    }

    [Theory]
    [InlineData("12/345678U", "12/0345678U")]
    [InlineData("12/0345678u", "12/0345678U")]
    [InlineData("2012/0345678U", "12/0345678U")]
    [InlineData("120345678U", "12/0345678U")]
    [InlineData("99/1g", "99/0000001G")]
    public void NormalisePncId_Valid_Canonical(string value, string expected)
    {
        Assert.Equal(expected, PersonIdentifiers.NormalisePncId(value));
    }

    [Theory]
    [InlineData("12/345678A")]
    [InlineData("12/345678")]
    [InlineData("123/345678U")]
    [InlineData("12/12345678U")]
    [InlineData("AB/345678U")]
    [InlineData("12345678U")]
    [InlineData("")]
    public void NormalisePncId_BadFormatOrCheckLetter_Null(string value)
    {
        Assert.Null(PersonIdentifiers.NormalisePncId(value));
    }
}
