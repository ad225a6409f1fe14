using CaseManagement.Application.Referrals;
using CaseManagement.Application.Referrals.Commands.StartReferralDraft;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals.Submit;

[Microsoft.AspNetCore.Authorization.Authorize(Roles = ReferralForm.Roles)]
public sealed class StartModel(IMediator mediator) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = await mediator.Send(new StartReferralDraft(), cancellationToken);
        return RedirectToPage("/Referrals/Submit/Step", new { draftId = draft, step = ReferralSteps.Order[0] });
    }
}
