using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Commands.CreateTeam;
using CaseManagement.Application.Organisation.Commands.SetTeamReviewInterval;
using CaseManagement.Application.Organisation.Queries.ListAgencies;
using CaseManagement.Application.Organisation.Queries.ListTeams;

namespace CaseManagement.Web.Pages.Admin;

public sealed class TeamsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public Guid? TeamId { get; set; }

    [BindProperty]
    public string? Weeks { get; set; }

    public IReadOnlyList<TeamDto> Teams { get; private set; } = [];

    public IReadOnlyList<AgencyDto> Agencies { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new CreateTeam { Name = Name ?? string.Empty, AgencyId = AgencyId ?? Guid.Empty }, cancellationToken);
        if (ok)
        {
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewIntervalAsync(CancellationToken cancellationToken)
    {
        var weeks = int.TryParse(Weeks, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var (ok, _) = await TrySendAsync(new SetTeamReviewInterval(TeamId ?? Guid.Empty, weeks), cancellationToken);
        if (ok)
        {
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Teams = await Mediator.Send(new ListTeams(), cancellationToken);
        Agencies = await Mediator.Send(new ListAgencies(), cancellationToken);
    }
}
