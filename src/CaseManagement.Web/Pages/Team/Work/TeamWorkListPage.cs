using Microsoft.AspNetCore.WebUtilities;
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
        CheckAddress();
        var (_, items) = await TrySendAsync(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage), everyRow: false), cancellationToken);
        Items = items ?? Items;
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        CheckAddress();
        var (ok, rows) = await TrySendAsync(Query(1, everyRow: true), cancellationToken);
        return ok && rows is not null ? Csv(rows.Items, key => text[key].Value) : Page();
    }

    /// <summary>
    /// The field and message of a value of the address that the page reads as a word of its own (a service, an outcome, a
    /// measure) and does not know; null when it knows it or none was given. Said at the field (decision 0118), so that the
    /// list is not drawn as though nothing, or the default, had been chosen.
    /// </summary>
    protected virtual (string Field, string Message)? Unknown => null;

    /// <summary>The list's address: its path, the filters given (nulls left out), then the handler.</summary>
    protected static string Address(string path, string? handler, params KeyValuePair<string, string?>[] filters) =>
        QueryHelpers.AddQueryString(path, [.. filters, new("handler", handler)]);

    /// <summary>The first and last days of a period as the address writes them.</summary>
    protected static KeyValuePair<string, string?>[] PeriodFilters(DateOnly from, DateOnly to) =>
        [new("from", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))];

    private void CheckAddress()
    {
        if (Unknown is { } unknown)
        {
            Refuse(unknown.Field, unknown.Message);
        }
    }

    /// <summary>The address of the team's work page for a period, as a list's Back link and the figures' links keep it.</summary>
    protected static string WorkPage(string? from, string? to) =>
        from is null && to is null ? "/team/work" : $"/team/work?from={Uri.EscapeDataString(from ?? string.Empty)}&to={Uri.EscapeDataString(to ?? string.Empty)}";

    /// <summary>The list's query with the page's filters: one page of rows, or every row for the CSV.</summary>
    protected abstract IRequest<PagedList<TItem>> Query(int page, bool everyRow);

    /// <summary>The CSV of <paramref name="rows"/>, its headings and words said by <paramref name="say"/> (in the reader's language).</summary>
    protected abstract FileContentResult Csv(IReadOnlyList<TItem> rows, Func<string, string> say);
}
