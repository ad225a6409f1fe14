using CaseManagement.Application.Organisation.Commands.SetTeamNoContactDays;
using CaseManagement.Application.Organisation.Queries.GetTeamSettings;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team manager's settings for their team: how long a case may go without a contact before it is flagged.</summary>
public sealed class SettingsModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<TeamSettingsDto> Teams { get; private set; } = [];

    [BindProperty] public Guid? TeamId { get; set; }

    [BindProperty] public string? Days { get; set; }

    [FromQuery(Name = "saved")] public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var first = Teams.Count > 0 ? Teams[0] : null;
        TeamId ??= first?.TeamId;
        Days ??= first?.NoContactFlagDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Not a whole number is out of the range too: the request's own rule says so, in its words.
        var days = int.TryParse(Days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var (ok, _) = await TrySendAsync(new SetTeamNoContactDays(TeamId ?? Guid.Empty, days), cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Team/Settings", new { saved = true });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Teams = await Mediator.Send(new GetTeamSettings(), cancellationToken);
}
