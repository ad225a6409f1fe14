using CaseManagement.Application.Access.Queries;
using CaseManagement.Application.Access.Queries.ListBreakGlassAccesses;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Overview.Queries.GetWorkList;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages;

/// <summary>The home page: the signed-in person's work list, by what they do (<see cref="GetWorkList"/>).</summary>
public sealed class IndexModel(IMediator mediator, ICurrentUser user) : PageModel
{
    /// <summary>The signed-in person, for the links to the lists of their own cases.</summary>
    public Guid UserId => user.UserId ?? Guid.Empty;

    public WorkListDto Work { get; private set; } = new(null, null, null);

    /// <summary>The newest referrals the person sent, for those who follow their own referrals.</summary>
    public PagedList<ReferralSummaryDto>? Latest { get; private set; }

    /// <summary>Emergency accesses to the team's records, for team managers.</summary>
    public IReadOnlyList<BreakGlassAccessDto>? BreakGlass { get; private set; }

    public string DisplayName => User.FindFirst(TeamClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Work = await mediator.Send(new GetWorkList(), cancellationToken);
        if (Work.MyReferrals is not null && !User.IsInRole(Roles.PartnerSystem))
        {
            Latest = await mediator.Send(new ListReferrals(PageSize: 5), cancellationToken);
        }

        if (User.IsInRole(Roles.TeamManager))
        {
            BreakGlass = await mediator.Send(new ListBreakGlassAccesses(), cancellationToken);
        }
    }
}
