using System.Globalization;
using CaseManagement.Application.Outcomes;
using CaseManagement.Application.Outcomes.Queries.GetKpiReport;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The team's quarterly key performance indicator return: a table, a chart with its table, and the CSV for the return.</summary>
public sealed class KpiModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public KpiReportDto? Report { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await LoadAsync(false, cancellationToken);

    /// <summary>The return as CSV, one row per measure, in the order and shape of the Youth Justice Board's KPI return. The export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(true, cancellationToken) is not { } report)
        {
            return Page();
        }

        return CsvFile.Of(
            $"kpi-return-{report.Year}-q{report.Quarter}.csv",
            [text["Report.Csv.Period"].Value, text["Kpi.Indicator"].Value, text["Report.Measure"].Value, text["Report.Start"].Value, text["Report.End"].Value],
            report.Lines.Select(l => new[] { $"{report.Year}-Q{report.Quarter}", text[$"Kpi.{l.Kpi}"].Value, text[$"KpiMeasure.{l.Kpi}.{l.Measure}"].Value, Shown(l.Start), Shown(l.End) })
                .Append([$"{report.Year}-Q{report.Quarter}", text["Report.Children"].Value, string.Empty, string.Empty, CsvFile.N(report.Children)])
                .Append([$"{report.Year}-Q{report.Quarter}", text["Report.FirstTimeEntrants"].Value, string.Empty, string.Empty, Shown(report.FirstTimeEntrants)])
                .Append([$"{report.Year}-Q{report.Quarter}", text["Kpi.BoardAttendance"].Value, text["Board.Meetings"].Value, string.Empty, CsvFile.N(report.BoardMeetings)])
                .Concat(report.Board.Select(b => new[] { $"{report.Year}-Q{report.Quarter}", text["Kpi.BoardAttendance"].Value, text[$"BoardPartner.{b.Partner}"].Value, string.Empty, CsvFile.N(b.Attended) })));
    }

    /// <summary>A count as published: the number, or "fewer than 5".</summary>
    public string Shown(ShownCount? count) =>
        count is null ? string.Empty
        : count.Shown is { } value ? value.ToString(CultureInfo.CurrentCulture)
        : string.Format(CultureInfo.CurrentCulture, text["Report.FewerThan"], SmallNumbers.Threshold);

    /// <summary>The chart of the end of the work: only the counts that may be published are drawn.</summary>
    public IReadOnlyList<Bar> EndBars(KpiReportDto report) =>
        report.Lines.Where(l => l.End.Shown is not null).Select(l => new Bar($"{text[$"Kpi.{l.Kpi}"]}: {text[$"KpiMeasure.{l.Kpi}.{l.Measure}"]}", l.End.Value)).ToList();

    public string ListLink(KpiLineDto line, string stage) => $"/reports/kpi/children?year={Report!.Year}&quarter={Report.Quarter}&kpi={line.Kpi}&measure={line.Measure}&stage={stage}";

    /// <summary>The quarter asked for; the last full quarter when none is given.</summary>
    private async Task<KpiReportDto?> LoadAsync(bool export, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var last = today.AddMonths(-3);
        Year ??= last.Year;
        Quarter ??= ((last.Month - 1) / 3) + 1;
        var (_, report) = await TrySendAsync(new GetKpiReport(Year.Value, Quarter.Value, export), cancellationToken);
        return report;
    }
}
