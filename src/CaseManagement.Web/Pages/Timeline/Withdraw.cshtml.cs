using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Commands.WithdrawTimelineEntry;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;

namespace CaseManagement.Web.Pages.Timeline;

/// <summary>Withdraws a mistaken entry with the reason; it stays on the timeline, struck through.</summary>
public sealed class WithdrawModel(IMediator mediator) : AppPageModel(mediator)
{
    public ChildTimelineDto Timeline { get; private set; } = null!;

    public TimelineItemDto Entry { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    public async Task OnGetAsync(Guid id, Guid entryId, CancellationToken cancellationToken) => await LoadAsync(id, entryId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(new WithdrawTimelineEntry(entryId, Reason ?? string.Empty), cancellationToken)).Ok)
        {
            return RedirectToPage("/Timeline/Index", new { id, done = "withdrawn" });
        }

        await LoadAsync(id, entryId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid entryId, CancellationToken cancellationToken)
    {
        Timeline = await Mediator.Send(new GetChildTimeline(id), cancellationToken) ?? throw NotFoundException.For("Child", id);
        Entry = Timeline.Items.FirstOrDefault(i => i.EntryId == entryId && i.CanWithdraw) ?? throw NotFoundException.For("Timeline entry", entryId);
    }
}
