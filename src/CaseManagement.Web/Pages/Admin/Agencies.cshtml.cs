using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Commands.CreateAgency;
using CaseManagement.Application.Organisation.Queries.ListAgencies;
using CaseManagement.Domain.Organisation;

namespace CaseManagement.Web.Pages.Admin;

public sealed class AgenciesModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public AgencyKind Kind { get; set; }

    public IReadOnlyList<AgencyDto> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Agencies = await Mediator.Send(new ListAgencies(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new CreateAgency { Name = Name ?? string.Empty, Kind = Kind }, cancellationToken);
        if (ok)
        {
            return RedirectToPage();
        }

        Agencies = await Mediator.Send(new ListAgencies(), cancellationToken);
        return Page();
    }
}
