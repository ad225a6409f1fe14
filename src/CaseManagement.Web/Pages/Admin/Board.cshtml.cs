using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListTeams;
using CaseManagement.Application.Outcomes.Commands.RecordBoardMeeting;
using CaseManagement.Application.Outcomes.Queries.ListBoardMeetings;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>The management board's meetings of a team and which partners' senior members attended (the board attendance indicator).</summary>
public sealed class BoardModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)] public Guid? TeamId { get; set; }

    [BindProperty] public DateInput HeldOn { get; set; } = DateInput.Empty;

    [BindProperty] public List<string> Attended { get; set; } = [];

    public IReadOnlyList<TeamDto> Teams { get; private set; } = [];

    public IReadOnlyList<BoardMeetingDto> Meetings { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var heldOn = DateOf(nameof(HeldOn), HeldOn, "The date must be a real date, like 27 3 2027.");
        var attended = Attended.Select(a => FormChoices.Choice<BoardPartner>(a)).Where(p => p is not null).Select(p => p!.Value).ToList();
        if ((await TrySendAsync(new RecordBoardMeeting(TeamId ?? Guid.Empty, heldOn, attended), cancellationToken)).Ok)
        {
            return RedirectToPage(new { teamId = TeamId, done = "recorded" });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Teams = await Mediator.Send(new ListTeams(), cancellationToken);
        TeamId ??= Teams.Count > 0 ? Teams[0].Id : null;
        Meetings = TeamId is { } team ? await Mediator.Send(new ListBoardMeetings(team), cancellationToken) : [];
    }
}
