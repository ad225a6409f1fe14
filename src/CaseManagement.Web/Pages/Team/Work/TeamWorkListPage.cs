using CaseManagement.Application.Common.Models;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>
/// The rows behind one figure of the team's work (contacts, interventions, onward referrals): a page at a time, and every
/// row as CSV, from the same query.
/// </summary>
/// <typeparam name="TItem">One row of the list, as its query answers it.</typeparam>
public abstract class TeamWorkListPage<TItem>(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public PagedList<TItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage), everyRow: false), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(Query(1, everyRow: true), cancellationToken);
        return Csv(rows.Items, key => text[key].Value);
    }

    /// <summary>The list's query with the page's filters: one page of rows, or every row for the CSV.</summary>
    protected abstract IRequest<PagedList<TItem>> Query(int page, bool everyRow);

    /// <summary>The CSV of <paramref name="rows"/>, its headings and words said by <paramref name="say"/> (in the reader's language).</summary>
    protected abstract FileContentResult Csv(IReadOnlyList<TItem> rows, Func<string, string> say);
}
