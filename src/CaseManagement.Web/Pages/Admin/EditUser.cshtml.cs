using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Commands.SetTemporaryPassword;
using CaseManagement.Application.Users.Commands.SignOutEverywhere;
using CaseManagement.Application.Users.Commands.UpdateUser;
using CaseManagement.Application.Users.Queries.GetUser;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>Changing an account: name, agency, roles, teams, disabling; a temporary password; ending its sessions.</summary>
public sealed class EditUserModel(IMediator mediator) : AccountPageModel(mediator)
{
    [BindProperty]
    public bool Disabled { get; set; }

    public UserSummary Account { get; private set; } = null!;

    /// <summary>The resource key of what was just done, shown in a success banner.</summary>
    public string? Message { get; private set; }

    public async Task OnGetAsync(Guid id, [FromQuery] bool created, CancellationToken cancellationToken)
    {
        Account = await Mediator.Send(new GetUser(id), cancellationToken);
        (DisplayName, AgencyId, Roles, TeamIds, Disabled) = (Account.DisplayName, Account.AgencyId, [.. Account.Roles], [.. Account.TeamIds], Account.IsDisabled);
        Message = created ? "Admin.Created" : null;
        await LoadFormAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new UpdateUser { Id = id, DisplayName = DisplayName ?? string.Empty, AgencyId = AgencyId, Roles = Roles, TeamIds = TeamIds, Disabled = Disabled }, cancellationToken);
        return await AfterAsync(id, ok, "Admin.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new SetTemporaryPassword { UserId = id, TemporaryPassword = TemporaryPassword ?? string.Empty }, cancellationToken);
        return await AfterAsync(id, ok, "Admin.PasswordReset", cancellationToken);
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(Guid id, CancellationToken cancellationToken)
    {
        await Mediator.Send(new SignOutEverywhere(id), cancellationToken);
        return await AfterAsync(id, ok: true, "Admin.SignedOut", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(Guid id, bool ok, string message, CancellationToken cancellationToken)
    {
        Account = await Mediator.Send(new GetUser(id), cancellationToken);
        if (ok)
        {
            (DisplayName, AgencyId, Roles, TeamIds, Disabled) = (Account.DisplayName, Account.AgencyId, [.. Account.Roles], [.. Account.TeamIds], Account.IsDisabled);
            Message = message;
        }

        await LoadFormAsync(cancellationToken);
        return Page();
    }
}
