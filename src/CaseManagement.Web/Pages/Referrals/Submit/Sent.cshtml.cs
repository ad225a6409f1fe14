using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using CaseManagement.Application.Referrals.Queries.GetReferralDraft;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Referrals.Submit;

[Authorize(Roles = ReferralForm.Roles)]
public sealed class SentModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public ReferralDto Referral { get; private set; } = new();

    /// <summary>
    /// Whether the sender screens for the referral's team: they are told at once that the child may already be known,
    /// and where to decide. Anyone else is told the same thing for every referral (that the team checks whether it
    /// knows the child), so the page never tells them whether this child is known.
    /// </summary>
    public bool Screens => user.SeesTeamOnlyEntries(Referral.TeamId);

    public bool MayAlreadyBeKnown => Referral.Status == Domain.Referrals.ReferralStatus.AwaitingDuplicateDecision;

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
