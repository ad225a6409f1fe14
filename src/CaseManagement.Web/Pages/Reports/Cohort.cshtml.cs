using System.Globalization;
using CaseManagement.Application.Outcomes;
using CaseManagement.Application.Outcomes.Queries.GetCohortReport;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The cohort outcome report for a chosen period (like the Cwm Taf evaluation), with its CSV.</summary>
public sealed class CohortModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public CohortReportDto? Report { get; private set; }

    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = DateInput.Empty;

    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = DateInput.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await LoadAsync(false, cancellationToken);

    /// <summary>The report as CSV, one row per figure; the export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(true, cancellationToken) is not { } r)
        {
            return Page();
        }

        var period = $"{r.From:yyyy-MM-dd}/{r.To:yyyy-MM-dd}";
        return CsvFile.Of(
            $"cohort-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.csv",
            [text["Report.Csv.Period"].Value, text["Cohort.Figure"].Value, text["Report.Measure"].Value, text["Cohort.Direction"].Value, text["Report.Children"].Value],
            new[] { new[] { period, text["Report.Children"].Value, string.Empty, string.Empty, CsvFile.N(r.Children) } }
                .Concat(r.Outcomes.Select(o => new[] { period, text["Cohort.Outcomes"].Value, OutcomeName(o.Outcome), string.Empty, Shown(o.Children) }))
                .Append([period, text["Report.FirstTimeEntrants"].Value, string.Empty, string.Empty, Shown(r.FirstTimeEntrants)])
                .Concat(r.Distance.SelectMany(d => new[] { (CohortFigures.LessConcern, d.LessConcern), (CohortFigures.Same, d.Same), (CohortFigures.MoreConcern, d.MoreConcern) }
                    .Select(x => new[] { period, text["CaseOutcomes.DistanceTravelled"].Value, DistanceName.Of(text, d.Measure), text[$"Cohort.{x.Item1}"].Value, Shown(x.Item2) }))));
    }

    public string OutcomeName(string outcome) => text[$"LaterOffending.{outcome}"].Value;

    /// <summary>A count as published: the number, or "fewer than 5".</summary>
    public string Shown(ShownCount count) =>
        count.Shown is { } value ? value.ToString(CultureInfo.CurrentCulture) : string.Format(CultureInfo.CurrentCulture, text["Report.FewerThan"], SmallNumbers.Threshold);

    /// <summary>The address of the children behind a figure.</summary>
    public string ListLink(string figure, string? measure = null, string? direction = null) =>
        $"/reports/cohort/children?from={Report!.From:yyyy-MM-dd}&to={Report.To:yyyy-MM-dd}&figure={figure}&measure={measure}&direction={direction}";

    public string CsvLink => $"/reports/cohort?handler=Csv&{ReportPeriod.Query(Report!.From, Report.To)}";

    /// <summary>The period asked for; the last full quarter when none is given.</summary>
    private async Task<CohortReportDto?> LoadAsync(bool export, CancellationToken cancellationToken)
    {
        if (From.IsEmpty && To.IsEmpty)
        {
            (From, To) = ReportPeriod.LastQuarter(clock);
        }

        var from = DateOf(nameof(From), From, "The date must be a real date, like 27 3 2027.");
        var to = DateOf(nameof(To), To, "The date must be a real date, like 27 3 2027.");
        var (_, report) = await TrySendAsync(new GetCohortReport(from, to, export), cancellationToken);
        return report;
    }
}
