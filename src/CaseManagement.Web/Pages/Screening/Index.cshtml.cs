using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Referrals.Queries.ListScreening;
using CaseManagement.Domain.Referrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Screening;

/// <summary>The team's referrals waiting for a person: duplicate decisions and screening, urgent first, then oldest.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public ReferralStatus? Status { get; private set; }

    public PagedList<ScreeningItemDto> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync([FromQuery] int? page, [FromQuery] string? status, CancellationToken cancellationToken)
    {
        Status = Enum.TryParse<ReferralStatus>(status, ignoreCase: true, out var parsed) && parsed is ReferralStatus.AwaitingDuplicateDecision or ReferralStatus.Screening ? parsed : null;
        Items = await mediator.Send(new ListScreening(Status, Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);
    }
}
