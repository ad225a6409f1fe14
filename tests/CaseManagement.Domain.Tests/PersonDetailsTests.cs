using CaseManagement.Domain.Children;

namespace CaseManagement.Domain.Tests;

public sealed class PersonDetailsTests
{
    [Theory]
    [InlineData("2012-11-22", "2026-11-22", 14)]
    [InlineData("2012-11-23", "2026-11-22", 13)]
    [InlineData("2012-02-29", "2026-02-28", 13)]
    [InlineData("2012-02-29", "2026-03-01", 14)]
    public void AgeOn_Birthdays_CountWholeYears(string born, string on, int expected)
    {
        Assert.Equal(expected, PersonDetails.AgeOn(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
