using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The case manager's outstanding onward referrals, on every case they hold, longest waiting first.</summary>
public sealed class MyOnwardReferralsModel(IMediator mediator) : PageModel
{
    public PagedList<OutstandingOnwardReferralDto> Items { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) =>
        Items = await mediator.Send(new ListMyOutstandingOnwardReferrals(Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);
}
