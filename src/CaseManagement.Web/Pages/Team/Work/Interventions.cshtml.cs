using CaseManagement.Web.Pages.Partials;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.ListTeamInterventions;
using CaseManagement.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The interventions one figure of the team's work counts, a page at a time, and as CSV.</summary>
public sealed class InterventionsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public PagedList<TeamInterventionDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    [FromQuery(Name = "measure")] public string? Measure { get; set; }

    [FromQuery(Name = "kind")] public Guid? Kind { get; set; }

    [FromQuery(Name = "providerAgency")] public Guid? ProviderAgency { get; set; }

    [FromQuery(Name = "provider")] public string? Provider { get; set; }

    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    public InterventionMeasure Chosen => FormChoices.Choice<InterventionMeasure>(Measure, ignoreCase: true) ?? InterventionMeasure.Started;

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(Query(Math.Clamp(page ?? 1, 1, Paging.MaxPage), export: false), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(Query(1, export: true), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"team-interventions-{Chosen.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [T("Referrals.Child"), T("TeamWork.Kind"), T("TeamWork.Provider"), T("Referrals.Status"), T("TeamWork.ActualStart"), T("TeamWork.ActualEnd")],
            rows.Items.Select(r => new[] { r.ChildName, WorkModel.InWelsh ? r.KindWelsh : r.KindEnglish, r.Provider, T($"TeamWork.InterventionStatus.{r.Status}"), CsvFile.D(r.ActualStart), CsvFile.D(r.ActualEnd) }));
    }

    /// <summary>This list's address with its filters, for the pages and the CSV link.</summary>
    public string Link(string? handler = null)
    {
        var query = new List<string> { $"measure={Chosen}" };
        if (Kind is { } kind)
        {
            query.Add($"kind={kind}");
        }

        if (ProviderAgency is { } agency)
        {
            query.Add($"providerAgency={agency}");
        }
        else if (!string.IsNullOrWhiteSpace(Provider))
        {
            query.Add($"provider={Uri.EscapeDataString(Provider)}");
        }

        var (from, to) = Period();
        query.Add($"from={from:yyyy-MM-dd}");
        query.Add($"to={to:yyyy-MM-dd}");
        if (handler is not null)
        {
            query.Add($"handler={handler}");
        }

        return "/team/work/interventions?" + string.Join('&', query);
    }

    public (DateOnly From, DateOnly To) Period()
    {
        var to = To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }

    private ListTeamInterventions Query(int page, bool export)
    {
        var (from, to) = Period();
        return new ListTeamInterventions(Chosen, from, to, Kind, ProviderAgency, ProviderAgency is null ? Provider : null, page, Paging.DefaultPageSize, export);
    }
}
