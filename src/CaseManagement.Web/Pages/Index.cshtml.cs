using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Overview.Queries.GetOverview;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Infrastructure.Identity;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public OverviewDto Overview { get; private set; } = new(0, 0, 0);

    public PagedList<ReferralSummaryDto> Latest { get; private set; } = new([], 1, 5, 0);

    public string DisplayName => User.FindFirst(TeamClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await mediator.Send(new GetOverview(), cancellationToken);
        Latest = await mediator.Send(new ListReferrals(PageSize: 5), cancellationToken);
    }
}
