using CaseManagement.Application.Access.Queries;
using CaseManagement.Application.Access.Queries.ListBreakGlassAccesses;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
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

    /// <summary>The newest referrals, for roles that see referrals.</summary>
    public PagedList<ReferralSummaryDto>? Latest { get; private set; }

    /// <summary>Emergency accesses to the team's records, for team managers.</summary>
    public IReadOnlyList<BreakGlassAccessDto>? BreakGlass { get; private set; }

    public string DisplayName => User.FindFirst(TeamClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Overview = await mediator.Send(new GetOverview(), cancellationToken);
        if (Roles.Referring.Any(User.IsInRole))
        {
            Latest = await mediator.Send(new ListReferrals(PageSize: 5), cancellationToken);
        }

        if (User.IsInRole(Roles.TeamManager))
        {
            BreakGlass = await mediator.Send(new ListBreakGlassAccesses(), cancellationToken);
        }
    }
}
