using CaseManagement.Application.Dashboard;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team manager's view: caseloads, the waiting list, countersignatures, reviews and duplicate decisions.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public TeamDashboardDto Dashboard { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Dashboard = await mediator.Send(new GetTeamDashboard(), cancellationToken);
}
