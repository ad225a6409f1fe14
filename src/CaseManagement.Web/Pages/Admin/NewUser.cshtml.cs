using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Commands.CreateUser;

namespace CaseManagement.Web.Pages.Admin;

public sealed class NewUserModel(IMediator mediator) : AccountPageModel(mediator)
{
    [BindProperty]
    public string? Email { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadFormAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, id) = await TrySendAsync(
            new CreateUser { Email = Email ?? string.Empty, DisplayName = DisplayName ?? string.Empty, AgencyId = AgencyId, Roles = Roles, TeamIds = TeamIds, TemporaryPassword = TemporaryPassword ?? string.Empty },
            cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Admin/EditUser", new { id, created = true });
        }

        await LoadFormAsync(cancellationToken);
        return Page();
    }
}
