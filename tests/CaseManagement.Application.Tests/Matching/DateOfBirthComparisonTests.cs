using CaseManagement.Application.Matching;

namespace CaseManagement.Application.Tests.Matching;

public sealed class DateOfBirthComparisonTests
{
    [Theory]
    [InlineData("2012-04-03", "2012-04-03", AgreementLevel.Exact)]
    [InlineData("2012-04-03", "2012-03-04", AgreementLevel.DayMonthSwapped)]
    [InlineData("2011-12-11", "2011-11-12", AgreementLevel.DayMonthSwapped)]
    [InlineData("2012-05-13", "2012-05-18", AgreementLevel.OneDigitOff)]
    [InlineData("2012-05-13", "2012-08-13", AgreementLevel.OneDigitOff)]
    [InlineData("2012-05-13", "2013-05-13", AgreementLevel.OneDigitOff)]
    [InlineData("2009-05-13", "2010-05-13", AgreementLevel.YearOffByOne)]
    [InlineData("2010-05-13", "2009-05-13", AgreementLevel.YearOffByOne)]
    [InlineData("2012-04-03", "2011-03-04", AgreementLevel.Disagree)]
    [InlineData("2012-02-01", "2010-08-15", AgreementLevel.Disagree)]
    [InlineData("2009-05-13", "2011-05-13", AgreementLevel.Disagree)]
    public void Compare_Dates_Level(string first, string second, AgreementLevel expected)
    {
        var a = DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        var b = DateOnly.Parse(second, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, DateOfBirthComparison.Compare(a, b));
        Assert.Equal(expected, DateOfBirthComparison.Compare(b, a));
    }

    [Fact]
    public void Compare_EitherMissing_Missing()
    {
        var date = new DateOnly(2012, 4, 3);

        Assert.Equal(AgreementLevel.Missing, DateOfBirthComparison.Compare(date, null));
        Assert.Equal(AgreementLevel.Missing, DateOfBirthComparison.Compare(null, date));
        Assert.Equal(AgreementLevel.Missing, DateOfBirthComparison.Compare(null, null));
    }
}
