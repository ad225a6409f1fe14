using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals;

public sealed class DetailsModel(IMediator mediator) : PageModel
{
    public ReferralDto Referral { get; private set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Referral = await mediator.Send(new GetReferral(id), cancellationToken);
    }
}
