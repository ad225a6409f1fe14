using CaseManagement.Application.Records.Retention.Commands.ConfirmDestruction;
using CaseManagement.Application.Records.Retention.Commands.HoldRecord;
using CaseManagement.Application.Records.Retention.Queries.ListRecordsPastRetention;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team's records past their retention date: destroy each, or keep it with a reason (decision 0051).</summary>
public sealed class RetentionModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<RetentionReviewDto> Queue { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public Guid ReviewId { get; set; }

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDestroyAsync(CancellationToken cancellationToken) =>
        (await TrySendAsync(new ConfirmDestruction(ReviewId), cancellationToken)).Ok ? RedirectToPage("/Team/Retention", new { done = "destroyed" }) : await AgainAsync(cancellationToken);

    public async Task<IActionResult> OnPostHoldAsync(CancellationToken cancellationToken) =>
        (await TrySendAsync(new HoldRecord(ReviewId, Reason), cancellationToken)).Ok ? RedirectToPage("/Team/Retention", new { done = "held" }) : await AgainAsync(cancellationToken);

    private async Task<IActionResult> AgainAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Queue = await Mediator.Send(new ListRecordsPastRetention(), cancellationToken);
}
