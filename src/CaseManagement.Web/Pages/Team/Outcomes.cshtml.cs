using CaseManagement.Web.Forms;
using System.Globalization;
using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.GetOutcomeFigures;
using CaseManagement.Web.Pages.Partials;
using CaseManagement.Web.Pages.Referrals.Submit;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The outcome figures for a chosen period, as charts with their tables, and as CSV for a spreadsheet.</summary>
public sealed class OutcomesModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : AppPageModel(mediator)
{
    public OutcomeFiguresDto? Figures { get; private set; }

    [BindProperty(SupportsGet = true)] public DateInput From { get; set; } = DateInput.Empty;

    [BindProperty(SupportsGet = true)] public DateInput To { get; set; } = DateInput.Empty;

    public string Query => $"FromDay={From.Day}&FromMonth={From.Month}&FromYear={From.Year}&ToDay={To.Day}&ToMonth={To.Month}&ToYear={To.Year}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await LoadAsync(cancellationToken);

    /// <summary>Every figure of the page as rows of a UTF-8 CSV (with a byte order mark, so a spreadsheet reads Welsh letters right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var figures = await LoadAsync(cancellationToken);
        if (figures is null)
        {
            return Page();
        }

        return CsvFile.Of(
            $"outcomes-{figures.From:yyyy-MM-dd}-{figures.To:yyyy-MM-dd}.csv",
            [text["Outcomes.Csv.Figure"].Value, text["Outcomes.Csv.Item"].Value, text["Outcomes.Csv.Value"].Value],
            Rows(figures).Select(r => new[] { r.Figure, r.Item, r.Value }));
    }

    public IReadOnlyList<Bar> Bars(IReadOnlyList<Count> counts, string prefix) =>
        counts.Select(c => new Bar(text[$"{prefix}.{c.Label}"], c.Value)).ToList();

    private IEnumerable<(string Figure, string Item, string Value)> Rows(OutcomeFiguresDto f)
    {
        string T(string key) => text[key].Value;
        string N(int value) => CsvFile.N(value);
        yield return (T("Outcomes.Period"), $"{f.From:yyyy-MM-dd} – {f.To:yyyy-MM-dd}", string.Empty);
        yield return (T("Outcomes.ChildrenWorkedWith"), string.Empty, N(f.ChildrenWorkedWith));
        yield return (T("Outcomes.ReferralsReceived"), string.Empty, N(f.ReferralsReceived));
        foreach (var c in f.ReferralsBySource)
        {
            yield return (T("Outcomes.BySource"), T($"ReferralSource.{c.Label}"), N(c.Value));
        }

        yield return (T("Outcomes.Duplicates"), string.Empty, N(f.DuplicatesFound));
        yield return (T("Outcomes.Allocated"), string.Empty, N(f.CasesAllocated));
        yield return (T("Outcomes.MedianDays"), string.Empty, f.MedianDaysReferralToAllocation?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty);
        foreach (var c in f.ClosuresByReason)
        {
            yield return (T("Outcomes.ClosuresByReason"), T($"ClosureReason.{c.Label}"), N(c.Value));
        }

        yield return (T("Outcomes.Returns"), string.Empty, N(f.ReturnsToUniversalServices));
        foreach (var c in f.ReturnsByService)
        {
            yield return (T("Outcomes.ReturnsByService"), T($"UniversalService.{c.Label}"), N(c.Value));
        }

        foreach (var c in f.LaterOffending)
        {
            yield return (T("Outcomes.LaterOffending"), T($"LaterOffending.{c.Label}"), N(c.Value));
        }

        yield return (T("Outcomes.FirstTimeEntrants"), string.Empty, N(f.FirstTimeEntrants));
    }

    /// <summary>The period asked for; the last twelve months when none is given.</summary>
    private async Task<OutcomeFiguresDto?> LoadAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = DateOf(nameof(From), From, "The start of the period must be a real date, like 1 4 2026.");
        var to = DateOf(nameof(To), To, "The end of the period must be a real date, like 31 3 2027.");
        if (ModelState.ErrorCount > 0)
        {
            return null;
        }

        var start = from ?? today.AddYears(-1).AddDays(1);
        var end = to ?? today;
        From = DateInput.From(start);
        To = DateInput.From(end);
        var (_, figures) = await TrySendAsync(new GetOutcomeFigures(start, end), cancellationToken);
        return figures;
    }
}
