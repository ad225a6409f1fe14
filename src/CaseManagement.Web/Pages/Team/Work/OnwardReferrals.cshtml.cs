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

    public OnwardService? Chosen => FormChoices.Choice<OnwardService>(Service, ignoreCase: true);

    public string Link(string? handler = null) =>
        "/team/work/onward-referrals" + (Chosen is { } service ? $"?service={service}" + (handler is null ? string.Empty : $"&handler={handler}") : handler is null ? string.Empty : $"?handler={handler}");

    protected override IRequest<PagedList<OutstandingOnwardReferralDto>> Query(int page, bool everyRow) =>
        new ListWaitingOnwardReferrals(Chosen, page, Export: everyRow);

    protected override FileContentResult Csv(IReadOnlyList<OutstandingOnwardReferralDto> rows, Func<string, string> say) =>
        CsvFile.Of(
            $"onward-referrals-waiting-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [say("Referrals.Child"), say("TeamWork.Service"), say("TeamWork.ServiceName"), say("TeamWork.ReferredOn"), say("Referrals.Status"), say("TeamWork.DaysWaited")],
            rows.Select(r => new[] { r.ChildName, say($"TeamWork.Service.{r.Service}"), r.ServiceName ?? string.Empty, CsvFile.D(r.ReferredOn), say($"TeamWork.OnwardStatus.{r.Status}"), CsvFile.N(r.DaysWaited) }));
}
