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

    /// <summary>The figure asked for: started when the address names none; null for a word that is not one of the three.</summary>
    public InterventionMeasure? Chosen => string.IsNullOrWhiteSpace(Measure) ? InterventionMeasure.Started : FormChoices.Choice<InterventionMeasure>(Measure, ignoreCase: true);

    /// <summary>The provider the list is of, as its address gives it: an agency of the directory, or a provider's name as written.</summary>
    public string? ProviderWritten => ProviderAgency is null && !string.IsNullOrWhiteSpace(Provider) ? Provider : null;

    /// <summary>This list's address with its filters, for the pages and the CSV link.</summary>
    public string Link(string? handler = null)
    {
        var (from, to) = Period();
        return Address(
            "/team/work/interventions",
            handler,
            [new("measure", Chosen?.ToString()), new("kind", Kind?.ToString()), new("providerAgency", ProviderAgency?.ToString()), new("provider", ProviderWritten), .. PeriodFilters(from, to)]);
    }

    /// <summary>A word in the address that is not started, completed or stopped is said at its field, not read as "started".</summary>
    protected override (string Field, string Message)? Unknown => Chosen is null ? ("measure", "Choose started, completed or stopped.") : null;

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
        return new ListTeamInterventions(Chosen ?? InterventionMeasure.Started, from, to, Kind, ProviderAgency, ProviderWritten, page, Paging.DefaultPageSize, everyRow);
    }

    protected override FileContentResult Csv(IReadOnlyList<TeamInterventionDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"team-interventions-{Chosen?.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.Kind"), say("TeamWork.Provider"), say("Referrals.Status"), say("TeamWork.ActualStart"), say("TeamWork.ActualEnd")],
            rows.Select(r => new[] { r.ChildName, WorkModel.InWelsh ? r.KindWelsh : r.KindEnglish, r.Provider, say($"TeamWork.InterventionStatus.{r.Status}"), CsvFile.D(r.ActualStart), CsvFile.D(r.ActualEnd) }));
}
