using CaseManagement.Application.Common.Models;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>
/// The rows behind one figure of the team's work (contacts, interventions, onward referrals): a page at a time, and every
/// row as CSV, from the same query. A period or page the query's rules refuse (an address edited by hand, an end before
/// the start) shows the rule's words in the error summary and no rows, as the API answers 400, never a failure.
/// </summary>
/// <typeparam name="TItem">One row of the list, as its query answers it.</typeparam>
public abstract class TeamWorkListPage<TItem>(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public PagedList<TItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>The team's work page of the period this list was opened from, where its Back link returns.</summary>
    public abstract string Back { get; }

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        CheckAddress(text);
        var (_, items) = await TrySendAsync(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage), everyRow: false), cancellationToken);
        Items = items ?? Items;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        CheckAddress(text);
        var (ok, rows) = await TrySendAsync(Query(1, everyRow: true), cancellationToken);
        return ok && rows is not null ? Csv(rows.Items, key => text[key].Value) : Page();
    }

    /// <summary>
    /// Records an error against a value of the address that the page reads as a word of its own (a service) and does not
    /// know, so that the list is not drawn as though nothing had been chosen.
    /// </summary>
    protected virtual void CheckAddress(IStringLocalizer<SharedResource> say)
    {
    }

    /// <summary>The address of the team's work page for a period, as a list's Back link and the figures' links keep it.</summary>
    protected static string WorkPage(string? from, string? to) =>
        from is null && to is null ? "/team/work" : $"/team/work?from={Uri.EscapeDataString(from ?? string.Empty)}&to={Uri.EscapeDataString(to ?? string.Empty)}";

    /// <summary>The list's query with the page's filters: one page of rows, or every row for the CSV.</summary>
    protected abstract IRequest<PagedList<TItem>> Query(int page, bool everyRow);

    /// <summary>The CSV of <paramref name="rows"/>, its headings and words said by <paramref name="say"/> (in the reader's language).</summary>
    protected abstract FileContentResult Csv(IReadOnlyList<TItem> rows, Func<string, string> say);
}
