using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Meetings.Commands.ActOnDecision;
using CaseManagement.Application.Work.Meetings.Queries.ListMeetings;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The case's multi-agency meetings, newest first; a decision not yet in the plan becomes an action with one click.</summary>
public sealed class MeetingsModel(IMediator mediator) : AppPageModel(mediator)
{
    public MeetingsDto Meetings { get; private set; } = null!;

    [FromQuery(Name = "done")] public string? Done { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostActAsync(Guid id, Guid meetingId, Guid decisionId, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(new ActOnDecision(id, meetingId, decisionId), cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Meetings", new { id, done = "acted" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Meetings = await Mediator.Send(new ListMeetings(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
}
