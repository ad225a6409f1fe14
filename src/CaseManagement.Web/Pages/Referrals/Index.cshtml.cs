using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.ListReferrals;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals;

public sealed class IndexModel(IMediator mediator) : PageModel
{
    /// <summary>The status to filter by; a value that is not a status is ignored and the whole list shown.</summary>
    public ReferralStatus? Status { get; private set; }

    public PagedList<ReferralSummaryDto> Referrals { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        Status = Enum.TryParse<ReferralStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Referrals = await mediator.Send(new ListReferrals(Math.Max(1, page ?? 1), Paging.DefaultPageSize, Status), cancellationToken);
    }
}
