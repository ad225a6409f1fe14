using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListTeams;
using CaseManagement.Application.Users;
using CaseManagement.Application.Users.Commands.SignOutEverywhere;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Pages.Account;

/// <summary>The signed-in person's own account: roles, teams, two-factor sign-in, password, sessions.</summary>
public sealed class IndexModel(IMediator mediator, IUserDirectory directory, ICurrentUser currentUser, SignInManager<ApplicationUser> signIn) : AppPageModel(mediator)
{
    public UserSummary Me { get; private set; } = new(Guid.Empty, string.Empty, string.Empty, [], null, [], false, false);

    public IReadOnlyList<string> Teams { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool SignedOutElsewhere { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Me = await directory.FindAsync(currentUser.UserId!.Value, cancellationToken) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var teams = await Mediator.Send(new ListTeams(), cancellationToken);
        Teams = teams.Where(t => Me.TeamIds.Contains(t.Id)).Select(t => t.Name).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellationToken)
    {
        await Mediator.Send(new SignOutEverywhere(), cancellationToken);

        // Every other session ends at its next check; this one carries on with a fresh sign-in.
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is not null)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return RedirectToPage(new { signedOutElsewhere = true });
    }
}
