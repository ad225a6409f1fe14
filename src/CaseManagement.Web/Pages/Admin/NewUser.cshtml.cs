using CaseManagement.Application.Organisation;
using CaseManagement.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Web.Pages.Admin;

public sealed class NewUserModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public string? Email { get; set; }

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

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, id) = await TrySendAsync(
            new CreateUser { Email = Email ?? string.Empty, DisplayName = DisplayName ?? string.Empty, AgencyId = AgencyId, Roles = Roles, TeamIds = TeamIds, TemporaryPassword = TemporaryPassword ?? string.Empty },
            cancellationToken);
        if (ok)
        {
            return Redirect($"/admin/users/{id}?created=true");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Form = new AccountFormModel(this, DisplayName, AgencyId, Roles, TeamIds, await Mediator.Send(new ListAgencies(), cancellationToken), await Mediator.Send(new ListTeams(), cancellationToken));
}
