using System.Globalization;
using CaseManagement.Application.Outcomes;
using CaseManagement.Application.Outcomes.Queries.GetFairnessReport;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>
/// The fairness view in words, shared by its page and its CSV (page and API), so that the CSV shows exactly what the
/// page shows: the same groups, the same columns, and "fewer than 5" where the page hides a count (decision 0069).
/// </summary>
public sealed class FairnessText(IStringLocalizer<SharedResource> text)
{
    /// <summary>A group's name: an ethnicity, an answer, a sex, or "not recorded".</summary>
    public string GroupName(string characteristic, string group) => group == GetFairnessReportHandler.NotRecorded
        ? text["Fairness.NotRecorded"].Value
        : characteristic switch
        {
            "Ethnicity" => text[$"Ethnicity.{group}"].Value,
            "Sex" => text[$"Sex.{group}"].Value,
            _ => text[$"CharacteristicAnswer.{group}"].Value,
        };

    /// <summary>A column's name: a waiting band, received or not, or an outcome.</summary>
    public string ColumnName(string measure, string column) =>
        measure == "Outcome" ? text[$"LaterOffending.{column}"].Value : text[$"Fairness.{column}"].Value;

    /// <summary>A count as published: the number, or "fewer than 5".</summary>
    public string Shown(ShownCount count) =>
        count.Shown is { } value ? value.ToString(CultureInfo.CurrentCulture) : string.Format(CultureInfo.CurrentCulture, text["Report.FewerThan"], SmallNumbers.Threshold);

    /// <summary>The view as CSV, one row per cell of every table, after the number of pieces of work in the period.</summary>
    public FileContentResult Csv(FairnessReportDto report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = $"{report.From:yyyy-MM-dd}/{report.To:yyyy-MM-dd}";
        var children = text["Report.Children"].Value;
        return CsvFile.Of(
            $"fairness-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv",
            [text["Report.Csv.Period"].Value, text["Report.Measure"].Value, text["Fairness.Characteristic"].Value, text["Fairness.Group"].Value, text["Fairness.Category"].Value, children],
            new[] { new[] { period, children, string.Empty, string.Empty, string.Empty, CsvFile.N(report.Children) } }
                .Concat(report.Tables.SelectMany(t => t.Rows.SelectMany(r => r.Cells.Select((cell, i) => new[]
                {
                    period, text[$"Fairness.{t.Measure}"].Value, text[$"Fairness.Characteristic.{t.Characteristic}"].Value,
                    GroupName(t.Characteristic, r.Group), ColumnName(t.Measure, t.Columns[i]), Shown(cell),
                })))));
    }
}
