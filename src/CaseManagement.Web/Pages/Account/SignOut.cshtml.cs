using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<ApplicationUser> signIn, IOptions<CouncilSignInOptions> council) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var atCouncil = council.Value.IsConfigured && CouncilSignInSetup.SignedInThroughCouncil(HttpContext);
        await signIn.SignOutAsync();

        // A session that began at the council's identity provider ends there too (its end-session endpoint, with the ID
        // token as the hint), which sends the person back to the sign-in page (docs/decisions/0045).
        return atCouncil
            ? SignOut(new AuthenticationProperties { RedirectUri = "/sign-in" }, CouncilSignInOptions.Scheme)
            : LocalRedirect("/sign-in");
    }
}
