using CaseManagement.Application.Dashboard;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Assessments;

/// <summary>The team's assessments waiting for countersignature, oldest first, very high ratings marked.</summary>
public sealed class AwaitingModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<AwaitingCountersignatureDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await mediator.Send(new ListAssessmentsAwaitingCountersignature(), cancellationToken);
}
