using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.OnwardReferrals.Commands.RecordOnwardReferralStep;
using CaseManagement.Application.Work.OnwardReferrals.Queries;
using CaseManagement.Application.Work.OnwardReferrals.Queries.ListOnwardReferrals;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One onward referral and its next step: accepted or declined, the first appointment, closed.</summary>
public sealed class OnwardReferralModel(IMediator mediator, ICurrentUser user) : CaseItemStepPage<CaseOnwardReferralsDto, OnwardReferralDto>(mediator)
{
    public OnwardReferralDto Referral => Item;

    /// <summary>The steps that can come next; none once it is closed or the case is, or when the reader may not record.</summary>
    public IReadOnlyList<OnwardReferralStep> NextSteps { get; private set; } = [];

    [BindProperty] public string? Step { get; set; }

    protected override (string Page, string Done) Saved => ("/Cases/Work/OnwardReferrals", "step");

    protected override string ItemName => "Onward referral";

    public Task<IActionResult> OnGetAsync(Guid id, Guid onwardReferralId, CancellationToken cancellationToken) =>
        ShowAsync(id, onwardReferralId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid id, Guid onwardReferralId, CancellationToken cancellationToken) =>
        SaveAsync(id, onwardReferralId, cancellationToken);

    protected override IRequest<CaseOnwardReferralsDto?> ListRequest(Guid caseId) => new ListOnwardReferrals(caseId);

    protected override OnwardReferralDto? Find(CaseOnwardReferralsDto list, Guid itemId) => list.OnwardReferrals.FirstOrDefault(r => r.Id == itemId);

    protected override IRequest<Unit> StepRequest(Guid itemId, DateOnly? day) =>
        new RecordOnwardReferralStep(itemId, FormChoices.Choice<OnwardReferralStep>(Step), day, Reason);

    protected override void Shown() =>
        NextSteps = !List.Case.CaseOpen || !user.MaySend<RecordOnwardReferralStep>() ? [] : Referral.Status switch
        {
            OnwardReferralStatus.AwaitingDecision => [OnwardReferralStep.Accepted, OnwardReferralStep.Declined, OnwardReferralStep.Closed],
            OnwardReferralStatus.AwaitingFirstAppointment => [OnwardReferralStep.FirstAppointment, OnwardReferralStep.Closed],
            OnwardReferralStatus.Seen or OnwardReferralStatus.Declined => [OnwardReferralStep.Closed],
            _ => [],
        };
}
