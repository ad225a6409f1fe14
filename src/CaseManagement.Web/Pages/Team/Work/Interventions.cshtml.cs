using CaseManagement.Web.Pages.Partials;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard;
using CaseManagement.Application.Dashboard.Queries.ListTeamInterventions;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The interventions one figure of the team's work counts, a page at a time, and as CSV.</summary>
public sealed class InterventionsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : TeamWorkListPage<TeamInterventionDto>(mediator, text)
{
    [FromQuery(Name = "measure")] public string? Measure { get; set; }

    [FromQuery(Name = "kind")] public Guid? Kind { get; set; }

    [FromQuery(Name = "providerAgency")] public Guid? ProviderAgency { get; set; }

    [FromQuery(Name = "provider")] public string? Provider { get; set; }

    [FromQuery(Name = "from")] public DateOnly? From { get; set; }

    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    public InterventionMeasure Chosen => FormChoices.Choice<InterventionMeasure>(Measure, ignoreCase: true) ?? InterventionMeasure.Started;

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

    public override string Back
    {
        get
        {
            var (from, to) = Period();
            return WorkPage($"{from:yyyy-MM-dd}", $"{to:yyyy-MM-dd}");
        }
    }

    public (DateOnly From, DateOnly To) Period()
    {
        var to = To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return (From ?? to.AddYears(-1).AddDays(1), to);
    }

    protected override IRequest<PagedList<TeamInterventionDto>> Query(int page, bool everyRow)
    {
        var (from, to) = Period();
        return new ListTeamInterventions(Chosen, from, to, Kind, ProviderAgency, ProviderAgency is null ? Provider : null, page, Paging.DefaultPageSize, everyRow);
    }

    protected override FileContentResult Csv(IReadOnlyList<TeamInterventionDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"team-interventions-{Chosen.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.Kind"), say("TeamWork.Provider"), say("Referrals.Status"), say("TeamWork.ActualStart"), say("TeamWork.ActualEnd")],
            rows.Select(r => new[] { r.ChildName, WorkModel.InWelsh ? r.KindWelsh : r.KindEnglish, r.Provider, say($"TeamWork.InterventionStatus.{r.Status}"), CsvFile.D(r.ActualStart), CsvFile.D(r.ActualEnd) }));
}
