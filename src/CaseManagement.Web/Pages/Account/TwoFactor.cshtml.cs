using System.Security.Claims;
using System.Text;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Pages.Account;

/// <summary>Turns on two-factor sign-in with an authenticator app (TOTP, RFC 6238), proving it with a first code.</summary>
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn, IOptions<SecurityOptions> security, IStringLocalizer<SharedResource> text) : FormPageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool AlreadyOn { get; private set; }

    public bool Required { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!user.TwoFactorEnabled && !await signIn.UserManager.VerifyTwoFactorTokenAsync(user, signIn.UserManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), text["TwoFactor.CodeWrong"]);
            await ShowAsync(user);
            return Page();
        }

        await signIn.UserManager.SetTwoFactorEnabledAsync(user, true);

        // The session now counts as signed in with two factors, as the next sign-in will be.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", AccountGuardMiddleware.TwoFactorMethod)]);
        return LocalRedirect("/");
    }

    private async Task ShowAsync(ApplicationUser user)
    {
        AlreadyOn = user.TwoFactorEnabled && AccountGuardMiddleware.SignedInWithTwoFactor(User);
        Required = AccountGuardMiddleware.RequiresTwoFactor(User, security.Value);
        var key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
            key = await signIn.UserManager.GetAuthenticatorKeyAsync(user);

            // A new key renews the account's security stamp; renew this session with it, or the next check ends it.
            await signIn.RefreshSignInAsync(user);
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < key!.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        FormattedKey = grouped.ToString().TrimEnd().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("CaseManagement:" + user.Email)}?secret={key}&issuer=CaseManagement&digits=6";
    }
}
