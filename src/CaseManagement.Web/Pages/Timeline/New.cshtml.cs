using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Commands.AddTimelineEntry;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Timeline;

/// <summary>Adds a transition or life event to the child's timeline; the family may remember only roughly when.</summary>
public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    public ChildTimelineDto Timeline { get; private set; } = null!;

    [BindProperty] public string? Category { get; set; }

    [BindProperty] public DateInput OccurredOn { get; set; } = DateInput.Empty;

    [BindProperty] public bool DateIsApproximate { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Notes { get; set; }

    [BindProperty] public string? Visibility { get; set; } = nameof(TimelineVisibility.EveryoneOnTheCase);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var occurredOn = DateOf(nameof(OccurredOn), OccurredOn, "The date of the event must be a real date, like 27 3 2024.");
        var command = new AddTimelineEntry(
            id, FormChoices.Choice<TimelineCategory>(Category), occurredOn ?? default, DateIsApproximate, Title ?? string.Empty, Notes,
            FormChoices.Choice<TimelineVisibility>(Visibility));
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Timeline/Index", new { id, done = "added" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Timeline = await Mediator.Send(new GetChildTimeline(id, [TimelineCategory.Referral]), cancellationToken) ?? throw NotFoundException.For("Child", id);
}
