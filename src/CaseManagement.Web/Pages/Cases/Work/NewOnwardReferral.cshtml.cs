using CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Records that the child was referred on to another service.</summary>
public sealed class NewOnwardReferralModel(IMediator mediator) : AppPageModel(mediator)
{
    public CaseOnwardReferralsDto List { get; private set; } = null!;

    /// <summary>The form's own key: a second press of the button finds the referral the first one recorded.</summary>
    [BindProperty] public Guid SubmissionKey { get; set; }

    [BindProperty] public string? Service { get; set; }

    [BindProperty] public string? ServiceName { get; set; }

    [BindProperty] public DateInput ReferredOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(ReferredOn), ReferredOn, "The date referred must be a real date, like 27 3 2027.");
        var request = new MakeOnwardReferral(id, FormChoices.Choice<OnwardService>(Service), ServiceName, on, Reason, SubmissionKey == Guid.Empty ? null : SubmissionKey);
        if ((await TrySendAsync(request, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/OnwardReferrals", new { id, done = "made" });
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new ListOnwardReferrals(id), cancellationToken) is not { Case.CaseOpen: true } list)
        {
            return false;
        }

        List = list;
        return true;
    }
}
