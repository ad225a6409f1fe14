using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class ContactDetailsTests
{
    [Theory]
    [InlineData("07700 900123", "07700900123")]
    [InlineData("+44 7700 900123", "07700900123")]
    [InlineData("+44 (0)7700-900123", "07700900123")]
    [InlineData("0044 7700 900123", "07700900123")]
    [InlineData("029 2087 4000", "02920874000")]
    [InlineData("+33 1 42 68 53 00", null)]
    [InlineData("12345", null)]
    [InlineData("", null)]
    public void NormalisePhone_UkNumbersAnyWayWritten_NationalDigits(string value, string? expected) =>
        Assert.Equal(expected, ContactDetails.NormalisePhone(value));

    [Theory]
    [InlineData(" Ffion.Evans@Example.org ", "ffion.evans@example.org")]
    [InlineData("ffion.evans", null)]
    [InlineData("a@b@c", null)]
    [InlineData("@example.org", null)]
    public void NormaliseEmail_CaseAndSpaceIgnored_ShapeChecked(string value, string? expected) =>
        Assert.Equal(expected, ContactDetails.NormaliseEmail(value));
}
