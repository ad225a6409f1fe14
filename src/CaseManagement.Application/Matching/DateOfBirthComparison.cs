namespace CaseManagement.Application.Matching;

/// <summary>The agreement levels of two dates of birth.</summary>
public static class DateOfBirthComparison
{
    /// <summary>
    /// Exact; DayMonthSwapped (03/04 and 04/03 of the same year); OneDigitOff (the dd/mm/yyyy forms differ in exactly
    /// one digit, as 13/05/2012 and 18/05/2012 or 2012 and 2013); YearOffByOne (same day and month, years one apart,
    /// as 2009 and 2010); otherwise Disagree; Missing when either is unknown. Checked in that order, so 2012 against
    /// 2013 (one digit) is OneDigitOff.
    /// </summary>
    public static AgreementLevel Compare(DateOnly? first, DateOnly? second) =>
        first is { } a && second is { } b ? Compare(a.Year, a.Month, a.Day, b.Year, b.Month, b.Day) : AgreementLevel.Missing;

    internal static AgreementLevel Compare(int year1, int month1, int day1, int year2, int month2, int day2)
    {
        if (year1 == year2 && month1 == month2 && day1 == day2)
        {
            return AgreementLevel.Exact;
        }

        if (year1 == year2 && day1 == month2 && month1 == day2)
        {
            return AgreementLevel.DayMonthSwapped;
        }

        var differentDigits = DifferentDigits(day1, day2, 2) + DifferentDigits(month1, month2, 2) + DifferentDigits(year1, year2, 4);
        if (differentDigits == 1)
        {
            return AgreementLevel.OneDigitOff;
        }

        if (month1 == month2 && day1 == day2 && Math.Abs(year1 - year2) == 1)
        {
            return AgreementLevel.YearOffByOne;
        }

        return AgreementLevel.Disagree;
    }

    private static int DifferentDigits(int a, int b, int digits)
    {
        var count = 0;
        for (var i = 0; i < digits; i++)
        {
            if (a % 10 != b % 10)
            {
                count++;
            }

            a /= 10;
            b /= 10;
        }

        return count;
    }
}
