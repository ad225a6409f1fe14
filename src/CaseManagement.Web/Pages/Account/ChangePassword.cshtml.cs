using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Commands.ChangeOwnPassword;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Pages.Account;

/// <summary>Choosing a new password; required after an administrator set a temporary one.</summary>
public sealed class ChangePasswordModel(IMediator mediator, SignInManager<ApplicationUser> signIn) : AppPageModel(mediator)
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool Required => AccountGuardMiddleware.MustChangePassword(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, _) = await TrySendAsync(new ChangeOwnPassword { CurrentPassword = CurrentPassword ?? string.Empty, NewPassword = NewPassword ?? string.Empty }, cancellationToken);
        if (!ok)
        {
            return Page();
        }

        // The password change renewed the account's security stamp; a fresh sign-in keeps this session (and drops the
        // "must change" mark) while every other session ends.
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is not null)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage("/Account/Index");
    }
}
