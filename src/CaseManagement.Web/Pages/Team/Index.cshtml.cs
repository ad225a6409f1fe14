using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.GetTeamDashboard;
using CaseManagement.Web.Pages.Partials;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team manager's view: caseloads, the waiting list, countersignatures, reviews and duplicate decisions.</summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public TeamDashboardDto Dashboard { get; private set; } = null!;

    /// <summary>How many cases were just moved from one caseload to another, for the banner.</summary>
    [FromQuery(Name = "moved")] public int? Moved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Dashboard = await mediator.Send(new GetTeamDashboard(), cancellationToken);

    /// <summary>The caseloads as CSV: one table to a file, so a spreadsheet reads it as one.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var d = await mediator.Send(new GetTeamDashboard(), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"team-caseloads-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [T("Case.CaseManager"), T("Team.OpenCases"), T("Team.WeightedLoad"), T("Team.ReviewsOverdue"), T("Team.NoRecentContactColumn")],
            d.Caseloads.Select(c => new[] { c.Name ?? string.Empty, CsvFile.N(c.OpenCases), CsvFile.N(c.WeightedLoad), CsvFile.N(c.ReviewsOverdue), CsvFile.N(c.NoRecentContact) }));
    }

    /// <summary>The team's figures as CSV, a file of their own beside the caseloads'.</summary>
    public async Task<IActionResult> OnGetFiguresCsvAsync(CancellationToken cancellationToken)
    {
        var d = await mediator.Send(new GetTeamDashboard(), cancellationToken);
        string T(string key) => text[key].Value;
        var figures = new (string Label, int Value)[]
        {
            (T("Team.UnallocatedFigure"), d.Unallocated),
            (T("Team.WithoutActiveCaseManager"), d.WithoutActiveCaseManager),
            (T("Team.WaitingFigure"), d.WaitingForAllocation),
            (T("Team.LongestWait"), d.LongestWaitDays),
            (T("Team.AwaitingCountersignature"), d.AwaitingCountersignature),
            (T("Team.ReviewsDue"), d.ReviewsDueThisWeek),
            (T("Team.ReviewsOverdue"), d.ReviewsOverdue),
            (T("Home.AwaitingDuplicateDecision"), d.AwaitingDuplicateDecision),
            (T("CaseListFilter.NoRecentContact"), d.NoRecentContact),
        };
        return CsvFile.Of(
            $"team-figures-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [T("Outcomes.Csv.Figure"), T("Outcomes.Csv.Value")],
            figures.Select(f => new[] { f.Label, CsvFile.N(f.Value) }));
    }
}
