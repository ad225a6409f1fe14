using CaseManagement.Application.Audit.Queries;
using CaseManagement.Application.Audit.Queries.ListRecordViewers;
using CaseManagement.Application.Referrals.Commands.AcceptReferral;
using CaseManagement.Application.Referrals.Commands.ConfirmMatch;
using CaseManagement.Application.Referrals.Commands.DeclineReferral;
using CaseManagement.Application.Referrals.Commands.RegisterAsNewChild;
using CaseManagement.Application.Referrals.Commands.RejectMatch;
using CaseManagement.Application.Referrals.Commands.SignpostReferral;
using CaseManagement.Application.Referrals.Commands.UndoLink;
using CaseManagement.Application.Referrals.Queries;
using CaseManagement.Application.Referrals.Queries.GetMatchCandidates;
using CaseManagement.Application.Referrals.Queries.GetReferral;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Web.Pages.Referrals;

/// <summary>
/// A referral. For the owning team it is also where decisions are taken: whether a possible match is the same child
/// (with the evidence field by field), and the screening decision.
/// </summary>
public sealed class DetailsModel(IMediator mediator, IStringLocalizer<SharedResource> text) : AppPageModel(mediator)
{
    public ReferralDto Referral { get; private set; } = new();

    /// <summary>Who has looked at the record: shown to the manager of the team that owns it.</summary>
    public IReadOnlyList<AuditEntryDto>? Viewers { get; private set; }

    /// <summary>The possible matches and their evidence, for the owning team.</summary>
    public MatchReviewDto? Matches { get; private set; }

    /// <summary>Set after a decision, for the success banner.</summary>
    public string? Done { get; private set; }

    [BindProperty] public string? Note { get; set; }

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public string? Decision { get; set; }

    /// <summary>Why the referral is signposted (and where to) or declined.</summary>
    [BindProperty] public string? ScreeningReason { get; set; }

    public bool InTeam => Referral.CanDecide;

    public async Task OnGetAsync(Guid id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        Done = done;
        await LoadAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid id, Guid childId, CancellationToken cancellationToken) =>
        DecideAsync(id, new ConfirmMatch(id, childId), "confirmed", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, Guid childId, CancellationToken cancellationToken) =>
        DecideAsync(id, new RejectMatch(id, childId, Note), "rejected", cancellationToken);

    public Task<IActionResult> OnPostNewChildAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, new RegisterAsNewChild(id, Note), "new-child", cancellationToken);

    public Task<IActionResult> OnPostUndoLinkAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, new UndoLink(id, Reason ?? string.Empty), "unlinked", cancellationToken);

    public async Task<IActionResult> OnPostScreenAsync(Guid id, CancellationToken cancellationToken)
    {
        switch (Decision)
        {
            case "accept":
                return await DecideAsync(id, new AcceptReferral(id), "accepted", cancellationToken);
            case "signpost":
                return await DecideAsync(id, new SignpostReferral(id, ScreeningReason ?? string.Empty), "signposted", cancellationToken, nameof(ScreeningReason));
            case "decline":
                return await DecideAsync(id, new DeclineReferral(id, ScreeningReason ?? string.Empty), "declined", cancellationToken, nameof(ScreeningReason));
            default:
                // No decision reaches a command, which would refuse anyone outside the team: the referral says who decides.
                await LoadAsync(id, cancellationToken);
                if (!Referral.CanDecide)
                {
                    return Forbid();
                }

                ModelState.AddModelError(nameof(Decision), text["Select a screening decision."]);
                return Page();
        }
    }

    private async Task<IActionResult> DecideAsync<T>(Guid id, IRequest<T> request, string done, CancellationToken cancellationToken, string? reasonField = null)
    {
        var (ok, _) = await TrySendAsync(request, cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Referrals/Details", new { id, done });
        }

        // The reason's message belongs beside the reason box of the decision chosen.
        if (reasonField is not null && ModelState.TryGetValue("Reason", out var entry))
        {
            var messages = entry.Errors.Select(e => e.ErrorMessage).ToList();
            ModelState.Remove("Reason");
            messages.ForEach(m => ModelState.AddModelError(reasonField, m));
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Referral = await Mediator.Send(new GetReferral(id), cancellationToken);
        if (Referral.CanSeeViewers)
        {
            Viewers = await Mediator.Send(new ListRecordViewers(id), cancellationToken);
        }

        if (InTeam && (Referral.Status == ReferralStatus.AwaitingDuplicateDecision || Referral.Status == ReferralStatus.Screening || Referral.History.Any(h => h.ToStatus == ReferralStatus.AwaitingDuplicateDecision)))
        {
            Matches = new MatchText(text).Translate(await Mediator.Send(new GetMatchCandidates(id), cancellationToken));
        }
    }
}
