using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>The waiting list (urgent first, then longest wait), the open and closed cases, and the user's own.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public CaseListFilter Filter { get; private set; }

    public PagedList<CaseSummaryDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    /// <summary>One case manager's cases only (from the team view's caseloads).</summary>
    public Guid? Manager { get; private set; }

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? show, [FromQuery] Guid? manager, CancellationToken cancellationToken)
    {
        Filter = Enum.TryParse<CaseListFilter>(show, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : CaseListFilter.Waiting;
        Manager = manager;
        Items = await mediator.Send(new ListCases(Filter, Math.Max(1, page ?? 1), CaseManagerUserId: manager), cancellationToken);
    }
}
