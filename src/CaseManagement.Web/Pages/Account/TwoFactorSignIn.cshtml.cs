using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CaseManagement.Web.Pages.Account;

/// <summary>
/// The second step of sign-in: the 6-digit code from the user's authenticator app, or (<c>?recovery=true</c>) one of the
/// recovery codes they saved, for a lost phone.
/// </summary>
[EnableRateLimiting(HostSetup.SignInRateLimit)]
public sealed class TwoFactorSignInModel(SignInManager<ApplicationUser> signIn, IStringLocalizer<SharedResource> text) : FormPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Account/SignIn");
        }

        if (Recovery)
        {
            return await RecoveryAsync();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor.CodeFormat"]);
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? text["SignIn.LockedOut"] : text["TwoFactor.CodeWrong"]);
        return Page();
    }

    /// <summary>Signs in with a recovery code, which is then used up. Identity writes codes as XXXXX-XXXXX in capitals.</summary>
    private async Task<IActionResult> RecoveryAsync()
    {
        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor.RecoveryCodeMissing"]);
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? text["SignIn.LockedOut"] : text["TwoFactor.RecoveryCodeWrong"]);
        return Page();
    }
}
