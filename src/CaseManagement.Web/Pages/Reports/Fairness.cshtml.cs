using CaseManagement.Application.Outcomes.Queries.GetFairnessReport;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Reports;

/// <summary>The fairness view for a chosen period: counts by protected characteristic, small numbers suppressed, no lists; with its CSV.</summary>
public sealed class FairnessModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public FairnessReportDto? Report { get; private set; }

    /// <summary>Group and column names and counts as published, the same as in the CSV.</summary>
    public FairnessText Words { get; } = new(text);

    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = DateInput.Empty;

    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = DateInput.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Report = await LoadAsync(false, cancellationToken);

    /// <summary>The view as CSV, suppressed as the page is; the export is audited.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        await LoadAsync(true, cancellationToken) is { } report ? Words.Csv(report) : Page();

    public string CsvLink => $"/reports/fairness?handler=Csv&{ReportPeriod.Query(Report!.From, Report.To)}";

    /// <summary>The period asked for; the last full quarter when none is given.</summary>
    private async Task<FairnessReportDto?> LoadAsync(bool export, CancellationToken cancellationToken)
    {
        if (From.IsEmpty && To.IsEmpty)
        {
            (From, To) = ReportPeriod.LastQuarter(clock);
        }

        var from = DateOf(nameof(From), From, "The date must be a real date, like 27 3 2027.");
        var to = DateOf(nameof(To), To, "The date must be a real date, like 27 3 2027.");
        var (_, report) = await TrySendAsync(new GetFairnessReport(from, to, export), cancellationToken);
        return report;
    }
}
