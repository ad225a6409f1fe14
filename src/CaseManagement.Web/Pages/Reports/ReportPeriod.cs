using System.Globalization;
using CaseManagement.Application.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The period a report shows when none is asked for: the last full quarter.</summary>
public static class ReportPeriod
{
    public static (DateInput From, DateInput To) LastQuarter(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var last = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-3);
        var (start, end) = Quarter.Dates(last.Year, ((last.Month - 1) / 3) + 1);
        return (Input(start), Input(end));
    }

    /// <summary>A period as the query of a report's address (its date fields), for links such as the CSV's.</summary>
    public static string Query(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"FromDay={from.Day}&FromMonth={from.Month}&FromYear={from.Year}&ToDay={to.Day}&ToMonth={to.Month}&ToYear={to.Year}");

    private static DateInput Input(DateOnly day) =>
        new(day.Day.ToString(CultureInfo.InvariantCulture), day.Month.ToString(CultureInfo.InvariantCulture), day.Year.ToString(CultureInfo.InvariantCulture));
}
