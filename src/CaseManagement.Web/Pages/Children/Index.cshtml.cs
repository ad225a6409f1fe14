using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Children.Queries.ListChildren;
using CaseManagement.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Children;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public PagedList<ChildSummaryDto> Children { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        Children = await mediator.Send(new ListChildren(Math.Max(1, page ?? 1)), cancellationToken);
    }
}
