using CaseManagement.Web.Pages.Partials;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team.Work;

/// <summary>The team's onward referrals still waiting, of one service or all, the longest waiting first; and as CSV.</summary>
public sealed class OnwardReferralsModel(IMediator mediator, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public PagedList<OutstandingOnwardReferralDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    [FromQuery(Name = "service")] public string? Service { get; set; }

    public OnwardService? Chosen => FormChoices.Choice<OnwardService>(Service, ignoreCase: true);

    public string Link(string? handler = null) =>
        "/team/work/onward-referrals" + (Chosen is { } service ? $"?service={service}" + (handler is null ? string.Empty : $"&handler={handler}") : handler is null ? string.Empty : $"?handler={handler}");

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(new ListWaitingOnwardReferrals(Chosen, Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await mediator.Send(new ListWaitingOnwardReferrals(Chosen, Export: true), cancellationToken);
        string T(string key) => text[key].Value;
        return CsvFile.Of(
            $"onward-referrals-waiting-{clock.GetUtcNow():yyyy-MM-dd}.csv",
            [T("Referrals.Child"), T("TeamWork.Service"), T("TeamWork.ServiceName"), T("TeamWork.ReferredOn"), T("Referrals.Status"), T("TeamWork.DaysWaited")],
            rows.Items.Select(r => new[] { r.ChildName, T($"TeamWork.Service.{r.Service}"), r.ServiceName ?? string.Empty, CsvFile.D(r.ReferredOn), T($"TeamWork.OnwardStatus.{r.Status}"), CsvFile.N(r.DaysWaited) }));
    }
}
