using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using CaseManagement.Application.Referrals.Queries.GetReferralDraft;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals.Submit;

[Authorize(Roles = ReferralForm.Roles)]
public sealed class SentModel(IMediator mediator) : PageModel
{
    public ReferralDto Referral { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var draft = await mediator.Send(new GetReferralDraft(draftId), cancellationToken);
        if (draft.SubmittedReferralId is not { } id)
        {
            return RedirectToPage("/Referrals/Submit/Check", new { draftId });
        }

        Referral = await mediator.Send(new GetReferral(id), cancellationToken);
        return Page();
    }
}
