using CaseManagement.Application.Referrals;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Application.Referrals.Commands.SubmitReferralDraft;
using CaseManagement.Application.Referrals.Queries.GetReferralDraft;
using Microsoft.AspNetCore.Authorization;

namespace CaseManagement.Web.Pages.Referrals.Submit;

/// <summary>Check your answers, then send. Sending twice (a double click, a retry) creates one referral.</summary>
[Authorize(Roles = ReferralForm.Roles)]
public sealed class CheckModel(IMediator mediator) : AppPageModel(mediator)
{
    public Guid DraftId { get; private set; }

    public SubmitReferral Answers { get; private set; } = new();

    public IReadOnlyList<string> Completed { get; private set; } = [];

    public bool AllAnswered => ReferralSteps.Order.All(Completed.Contains);

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken) =>
        await LoadAsync(draftId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftId, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        var (ok, _) = await TrySendAsync(new SubmitReferralDraft(draftId), cancellationToken);
        return ok ? RedirectToPage("/Referrals/Submit/Sent", new { draftId }) : Page();
    }

    public string ChangeLink(string step) => $"/referrals/new/{DraftId}/{step}?return=check";

    private async Task<IActionResult?> LoadAsync(Guid draftId, CancellationToken cancellationToken)
    {
        DraftId = draftId;
        var draft = await Mediator.Send(new GetReferralDraft(draftId), cancellationToken);
        if (draft.SubmittedReferralId is not null)
        {
            return RedirectToPage("/Referrals/Submit/Sent", new { draftId });
        }

        Answers = draft.Answers;
        Completed = draft.CompletedSteps;
        return null;
    }
}
