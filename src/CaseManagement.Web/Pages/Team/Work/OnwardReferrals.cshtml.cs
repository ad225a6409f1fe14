using CaseManagement.Web.Pages.Partials;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The team's onward referrals still waiting, of one service or all, the longest waiting first; and as CSV.</summary>
public sealed class OnwardReferralsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : TeamWorkListPage<OutstandingOnwardReferralDto>(mediator, text)
{
    [FromQuery(Name = "service")] public string? Service { get; set; }

    /// <summary>The start of the team's work page's period this list was opened from: kept for the Back link, as written.</summary>
    [FromQuery(Name = "from")] public string? From { get; set; }

    [FromQuery(Name = "to")] public string? To { get; set; }

    public OnwardService? Chosen => FormChoices.Choice<OnwardService>(Service, ignoreCase: true);

    public override string Back => WorkPage(From, To);

    public string Link(string? handler = null)
    {
        // The period goes on whole or not at all (the work page reads a missing end as an empty one); nulls are left out.
        var period = From is not null || To is not null;
        return Address("/team/work/onward-referrals", handler, new("service", Chosen?.ToString()), new("from", period ? From ?? string.Empty : null), new("to", period ? To ?? string.Empty : null));
    }

    /// <summary>A service the page does not know is said, not taken for "every service".</summary>
    protected override (string Field, string Message)? Unknown => !string.IsNullOrWhiteSpace(Service) && Chosen is null ? ("service", "Choose one of the services.") : null;

    protected override IRequest<PagedList<OutstandingOnwardReferralDto>> Query(int page, bool everyRow) =>
        new ListWaitingOnwardReferrals(Chosen, page, Export: everyRow);

    protected override FileContentResult Csv(IReadOnlyList<OutstandingOnwardReferralDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"onward-referrals-waiting-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.Service"), say("TeamWork.ServiceName"), say("TeamWork.ReferredOn"), say("Referrals.Status"), say("TeamWork.DaysWaited")],
            rows.Select(r => new[] { r.ChildName, say($"TeamWork.Service.{r.Service}"), r.ServiceName ?? string.Empty, CsvFile.D(r.ReferredOn), say($"TeamWork.OnwardStatus.{r.Status}"), CsvFile.N(r.DaysWaited) }));
}
