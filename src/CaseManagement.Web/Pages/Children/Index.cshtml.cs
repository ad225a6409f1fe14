using CaseManagement.Application.Children.Queries;
using CaseManagement.Application.Children.Queries.ListChildren;
using CaseManagement.Application.Common.Models;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Children;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    public PagedList<ChildSummaryDto> Children { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public string? Search { get; private set; }

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? search, CancellationToken cancellationToken)
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim()[..Math.Min(search.Trim().Length, 100)];
        Children = await mediator.Send(new ListChildren(Math.Clamp(page ?? 1, 1, Paging.MaxPage), Paging.DefaultPageSize, Search), cancellationToken);
    }
}
