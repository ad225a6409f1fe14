using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.OnwardReferrals.Commands.RecordOnwardReferralStep;
using CaseManagement.Application.Work.OnwardReferrals.Queries;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One onward referral and its next step: accepted or declined, the first appointment, closed.</summary>
public sealed class OnwardReferralModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    public CaseOnwardReferralsDto List { get; private set; } = null!;

    public OnwardReferralDto Referral { get; private set; } = null!;

    /// <summary>The steps that can come next; none once it is closed or the case is, or when the reader may not record.</summary>
    public IReadOnlyList<OnwardReferralStep> NextSteps { get; private set; } = [];

    [BindProperty] public string? Step { get; set; }

    [BindProperty] public DateInput On { get; set; } = DateInput.Empty;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid onwardReferralId, CancellationToken cancellationToken) =>
        await LoadAsync(id, onwardReferralId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid onwardReferralId, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(On), On, "The date must be a real date, like 27 3 2027.");
        if ((await TrySendAsync(new RecordOnwardReferralStep(onwardReferralId, FormChoices.Choice<OnwardReferralStep>(Step), on, Reason), cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/OnwardReferrals", new { id, done = "step" });
        }

        return await LoadAsync(id, onwardReferralId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid onwardReferralId, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new ListOnwardReferrals(id), cancellationToken) is not { } list)
        {
            return false;
        }

        List = list;
        Referral = list.OnwardReferrals.FirstOrDefault(r => r.Id == onwardReferralId) ?? throw NotFoundException.For("Onward referral", onwardReferralId);
        NextSteps = !list.Case.CaseOpen || !user.MaySend<RecordOnwardReferralStep>() ? [] : Referral.Status switch
        {
            OnwardReferralStatus.AwaitingDecision => [OnwardReferralStep.Accepted, OnwardReferralStep.Declined, OnwardReferralStep.Closed],
            OnwardReferralStatus.AwaitingFirstAppointment => [OnwardReferralStep.FirstAppointment, OnwardReferralStep.Closed],
            OnwardReferralStatus.Seen or OnwardReferralStatus.Declined => [OnwardReferralStep.Closed],
            _ => [],
        };
        return true;
    }
}
