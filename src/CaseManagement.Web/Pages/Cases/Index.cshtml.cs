using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.ExportCases;
using CaseManagement.Application.Cases.Queries.ListCases;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Forms;
using CaseManagement.Web.Pages.Partials;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>
/// The waiting list (in the team's priority, then longest wait), the open and closed cases, the user's own, and the
/// review lists; sortable by column, filtered by source, urgency and priority, and downloadable as CSV.
/// </summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text) : PageModel
{
    public CaseListFilter Filter { get; private set; }

    public PagedList<CaseSummaryDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>One case manager's cases only (from the team view's caseloads).</summary>
    [FromQuery(Name = "manager")] public Guid? Manager { get; set; }

    [FromQuery(Name = "show")] public string? Show { get; set; }

    [FromQuery(Name = "sort")] public string? SortBy { get; set; }

    [FromQuery(Name = "dir")] public string? Direction { get; set; }

    [FromQuery(Name = "source")] public string? Source { get; set; }

    [FromQuery(Name = "urgency")] public string? Urgency { get; set; }

    [FromQuery(Name = "priority")] public string? Priority { get; set; }

    public CaseListSort Sort { get; private set; }

    /// <summary>
    /// The list /cases opens on: a team manager allocates from the waiting list; everyone else starts from the cases
    /// they work on (a seconded practitioner never sees the waiting list: they see only the cases they are on).
    /// </summary>
    public CaseListFilter DefaultFilter => User.IsInRole(Application.Common.Security.Roles.TeamManager) ? CaseListFilter.Waiting : CaseListFilter.Mine;

    /// <summary>The tabs, the default first; a seconded practitioner has no waiting list to look at.</summary>
    public IReadOnlyList<CaseListFilter> Tabs =>
        Application.Common.Security.Roles.TeamCaseRoles.Any(User.IsInRole)
            ? DefaultFilter == CaseListFilter.Waiting
                ? [CaseListFilter.Waiting, CaseListFilter.Mine, CaseListFilter.Open, CaseListFilter.Closed]
                : [CaseListFilter.Mine, CaseListFilter.Waiting, CaseListFilter.Open, CaseListFilter.Closed]
            : [CaseListFilter.Mine, CaseListFilter.Open, CaseListFilter.Closed];

    public bool Descending { get; private set; }

    public bool Filtered => Read<ReferralSource>(Source) is not null || Read<ReferralUrgency>(Urgency) is not null || Read<AllocationPriority>(Priority) is not null;

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);

    /// <summary>The whole list as it is sorted and filtered, as CSV for a spreadsheet (the export is audited).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(new ExportCases(Query(1)), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"cases-{Filter.ToString().ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.csv",
            [T("Referrals.Child"), T("Csv.DateOfBirth"), T("Csv.Status"), T("Case.Priority"), T("Referrals.Urgency"), T("Referrals.Source"), T("Csv.FirstReferred"), T("Screening.DaysWaiting"), T("Case.CaseManager"), T("Case.Weight"), T("Case.Intervention"), T("Case.NextReview"), T("Case.ClosedOn"), T("Csv.LastContact"), T("Cases.SinceContact"), T("Cases.NoRecentContactTag")],
            rows.Select(r => new[]
            {
                r.ChildName, CsvFile.D(r.DateOfBirth), T($"CaseStatus.{r.Status}"), T($"AllocationPriority.{r.Priority}"), T($"ReferralUrgency.{r.Urgency}"),
                r.Source is { } source ? T($"ReferralSource.{source}") : string.Empty, CsvFile.D(CsvFile.UkDate(r.FirstReferredAtUtc)),
                r.Status == CaseStatus.WaitingForAllocation ? CsvFile.N(r.DaysWaiting) : string.Empty,
                r.CaseManager ?? string.Empty, CsvFile.N(r.Weight), T($"InterventionType.{r.InterventionType}"), CsvFile.D(r.NextReviewDue), CsvFile.D(r.ClosedOn),
                CsvFile.D(r.LastContactOn), r.DaysSinceContact is { } since ? CsvFile.N(since) : string.Empty, r.NoRecentContact ? T("Csv.Yes") : string.Empty,
            }));
    }

    /// <summary>
    /// The link that sorts by a column: first in the direction that puts what needs attention first (the longest
    /// wait, the heaviest case, urgent referrals, the latest closure, the longest without a contact; the highest
    /// priority, the earliest review), then the other way when the list is already sorted by it.
    /// </summary>
    public string SortHref(CaseListSort column)
    {
        var (sort, descending) = Query(1).EffectiveSort();
        var first = column is CaseListSort.DaysWaiting or CaseListSort.Weight or CaseListSort.Urgency or CaseListSort.ClosedOn or CaseListSort.DaysSinceContact;
        return Link(sort: column, descending: sort == column ? !descending : first);
    }

    /// <summary>The aria-sort value of a column's header: how the list is really sorted, its own order included.</summary>
    public string AriaSort(CaseListSort column)
    {
        var (sort, descending) = Query(1).EffectiveSort();
        return sort != column ? "none" : descending ? "descending" : "ascending";
    }

    /// <summary>This list's address with its sort and filters, for the pages, the CSV link and the sort links.</summary>
    public string Link(CaseListSort? sort = null, bool? descending = null, string? handler = null)
    {
        var query = new List<string> { $"show={Filter.ToString().ToLowerInvariant()}" };
        var chosen = sort ?? Sort;
        if (chosen != CaseListSort.Default)
        {
            query.Add($"sort={chosen.ToString().ToLowerInvariant()}");
            query.Add($"dir={((descending ?? Descending) ? "desc" : "asc")}");
        }

        if (Manager is { } manager)
        {
            query.Add($"manager={manager}");
        }

        foreach (var (name, value) in new[] { ("source", Read<ReferralSource>(Source)?.ToString()), ("urgency", Read<ReferralUrgency>(Urgency)?.ToString()), ("priority", Read<AllocationPriority>(Priority)?.ToString()) })
        {
            if (value is not null)
            {
                query.Add($"{name}={value}");
            }
        }

        if (handler is not null)
        {
            query.Add($"handler={handler}");
        }

        return "/cases?" + string.Join('&', query);
    }

    private ListCases Query(int page)
    {
        Filter = Read<CaseListFilter>(Show) ?? DefaultFilter;
        Sort = Read<CaseListSort>(SortBy) ?? CaseListSort.Default;
        Descending = Sort != CaseListSort.Default && string.Equals(Direction, "desc", StringComparison.OrdinalIgnoreCase);
        return new ListCases(Filter, page, Paging.DefaultPageSize, Manager, Sort, Descending, Read<ReferralSource>(Source), Read<ReferralUrgency>(Urgency), Read<AllocationPriority>(Priority));
    }

    /// <summary>A value of the list's address; one that is not a value of the choice is ignored (the whole list shown).</summary>
    private static T? Read<T>(string? value)
        where T : struct, Enum => FormChoices.Choice<T>(value, ignoreCase: true);
}
