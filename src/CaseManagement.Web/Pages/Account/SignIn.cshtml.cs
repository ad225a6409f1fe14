using System.ComponentModel.DataAnnotations;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Pages.Account;

[EnableRateLimiting(HostSetup.SignInRateLimit)]
public sealed class SignInModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text, IOptions<CouncilSignInOptions> council, IOptions<LocalSignInOptions> local) : FormPageModel
{
    /// <summary>The council's identity provider's name for the button, or null when none is configured (docs/decisions/0045).</summary>
    public string? CouncilName => council.Value.IsConfigured ? council.Value.DisplayName : null;

    public bool LocalSignIn => local.Value.Enabled;

    [BindProperty]
    [Required(ErrorMessage = "SignIn.EmailRequired")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "SignIn.PasswordRequired")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set when the session ended because it was idle, so the page can say why.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Timeout { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!LocalSignIn)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A partner system's account is for the API only; it never opens a browser session.
        var user = await signIn.UserManager.FindByEmailAsync(Email!.Trim());
        if (user is not null && await signIn.UserManager.IsInRoleAsync(user, Roles.PartnerSystem))
        {
            ModelState.AddModelError(nameof(Email), text["SignIn.Failed"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (result.Succeeded)
        {
            return LocalRedirect(next);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactorSignIn", new { returnUrl = next });
        }

        // One message for a wrong address or a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError(nameof(Email), result.IsLockedOut ? text["SignIn.LockedOut"] : text["SignIn.Failed"]);
        return Page();
    }

    /// <summary>Off to the council's identity provider; it comes back to the callback page, which signs the person in.</summary>
    public IActionResult OnPostCouncil()
    {
        if (CouncilName is null)
        {
            return NotFound();
        }

        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        var callback = Url.Page("/Account/CouncilCallback", new { returnUrl = next });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(CouncilSignInOptions.Scheme, callback), CouncilSignInOptions.Scheme);
    }
}
