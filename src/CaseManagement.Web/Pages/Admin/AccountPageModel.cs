using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListAgencies;
using CaseManagement.Application.Organisation.Queries.ListTeams;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>The fields an administrator sets on any account, and the choices the form offers for them.</summary>
public abstract class AccountPageModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? AgencyId { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public List<Guid> TeamIds { get; set; } = [];

    [BindProperty]
    public string? TemporaryPassword { get; set; }

    public AccountFormModel Form { get; private set; } = null!;

    protected async Task LoadFormAsync(CancellationToken cancellationToken) =>
        Form = new AccountFormModel(this, DisplayName, AgencyId, Roles, TeamIds, await Mediator.Send(new ListAgencies(), cancellationToken), await Mediator.Send(new ListTeams(), cancellationToken));
}
