using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Timeline;
using CaseManagement.Application.Timeline.Commands.AddTimelineEntry;
using CaseManagement.Application.Timeline.Queries.GetChildTimeline;
using CaseManagement.Domain.Timeline;
using CaseManagement.Web.Pages.Referrals.Submit;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Web.Pages.Timeline;

/// <summary>Adds a transition or life event to the child's timeline; the family may remember only roughly when.</summary>
public sealed class NewModel(IMediator mediator) : AppPageModel(mediator)
{
    public ChildTimelineDto Timeline { get; private set; } = null!;

    [BindProperty] public string? Category { get; set; }

    [BindProperty] public string? OccurredOnDay { get; set; }

    [BindProperty] public string? OccurredOnMonth { get; set; }

    [BindProperty] public string? OccurredOnYear { get; set; }

    [BindProperty] public bool DateIsApproximate { get; set; }

    [BindProperty] public string? Title { get; set; }

    [BindProperty] public string? Notes { get; set; }

    [BindProperty] public string? Visibility { get; set; } = nameof(TimelineVisibility.EveryoneOnTheCase);

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var occurredOn = ReadDate("OccurredOn", OccurredOnDay, OccurredOnMonth, OccurredOnYear, "The date of the event must be a real date, like 27 3 2024.");
        var command = new AddTimelineEntry(
            id, ReferralForm.Choice<TimelineCategory>(Category) ?? TimelineCategory.Referral, occurredOn ?? default, DateIsApproximate, Title ?? string.Empty, Notes,
            ReferralForm.Choice<TimelineVisibility>(Visibility) ?? (TimelineVisibility)(-1));
        if (ModelState.ErrorCount == 0 && (await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Timeline/Index", new { id, done = "added" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Timeline = await Mediator.Send(new GetChildTimeline(id, [TimelineCategory.Referral]), cancellationToken) ?? throw NotFoundException.For("Child", id);
}
