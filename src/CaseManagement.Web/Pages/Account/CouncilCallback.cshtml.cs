using System.Security.Claims;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Pages.Account;

/// <summary>
/// Where the council's identity provider sends the person back (docs/decisions/0045): the account is found or linked,
/// and the person is signed in to it, with the app's own code asked for when the provider did not use multi-factor
/// authentication and the account needs two factors; or the page says, in plain words, why not.
/// </summary>
public sealed class CouncilCallbackModel(SignInManager<ApplicationUser> signIn, CouncilAccounts accounts, IOptions<CouncilSignInOptions> council) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the provider answered with an error (the person cancelled, or the app is not allowed).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public CouncilRefusal Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!council.Value.IsConfigured)
        {
            return NotFound();
        }

        if (Failed)
        {
            return Refused(CouncilRefusal.Failed);
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var subject = external.Principal?.FindFirstValue("sub");
        if (!external.Succeeded || string.IsNullOrEmpty(subject))
        {
            return RedirectToPage("/Account/SignIn");
        }

        // The provider's answer is used once, here.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var principal = external.Principal!;
        var account = await accounts.FindOrLinkAsync(subject, principal.FindFirstValue(council.Value.EmailClaim), principal.FindFirstValue("name"), cancellationToken);
        if (account.User is not { } user)
        {
            return Refused(account.Refusal);
        }

        CouncilSignInSetup.KeepIdToken(HttpContext, external.Properties?.GetTokenValue("id_token"));
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

        // The provider's multi-factor authentication stands for the app's two-factor sign-in (amr holds "mfa").
        if (principal.HasClaim("amr", AccountGuardMiddleware.TwoFactorMethod))
        {
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", AccountGuardMiddleware.TwoFactorMethod), new Claim(ClaimTypes.AuthenticationMethod, CouncilSignInOptions.Scheme)]);
            return LocalRedirect(next);
        }

        // Otherwise as after a password: the app's own code where the account has two-factor sign-in (and the account
        // guard asks for it to be set up where the role needs it and it is not yet).
        var result = await signIn.ExternalLoginSignInAsync(CouncilSignInOptions.Scheme, subject, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactorSignIn", new { returnUrl = next });
        }

        return result.Succeeded ? LocalRedirect(next) : Refused(CouncilRefusal.LockedOut);
    }

    private PageResult Refused(CouncilRefusal refusal)
    {
        Refusal = refusal;
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
