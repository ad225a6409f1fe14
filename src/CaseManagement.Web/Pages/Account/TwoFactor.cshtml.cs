using System.Security.Claims;
using System.Text;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QRCoder;

namespace CaseManagement.Web.Pages.Account;

/// <summary>
/// Turns on two-factor sign-in with an authenticator app (TOTP, RFC 6238), proving it with a first code; the key is shown
/// as a QR code to scan, and as text to type. Once it is on, the page makes recovery codes, for the day the phone is lost.
/// </summary>
public sealed class TwoFactorModel(SignInManager<ApplicationUser> signIn, IOptions<SecurityOptions> security, IStringLocalizer<SharedResource> text) : FormPageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    public string? Code { get; set; }

    public bool AlreadyOn { get; private set; }

    public bool Required { get; private set; }

    public string FormattedKey { get; private set; } = string.Empty;

    public string AuthenticatorUri { get; private set; } = string.Empty;

    /// <summary>The authenticator address as a QR code, a PNG in a data: address (the page's policy allows data: images and no inline SVG styling).</summary>
    public string QrCodeImage { get; private set; } = string.Empty;

    /// <summary>Two-factor sign-in was turned on just now: the page says so, and offers recovery codes next.</summary>
    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    /// <summary>How many unused recovery codes the account has.</summary>
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>The recovery codes just made, shown once; null on every other view of the page.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

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
        return LocalRedirect("/account/two-factor?done=on");
    }

    /// <summary>New recovery codes, for someone who used or lost the last ones; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        if (AlreadyOn)
        {
            RecoveryCodes = await NewRecoveryCodesAsync(user);
            RecoveryCodesLeft = RecoveryCodes.Count;
        }

        return Page();
    }

    private async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ApplicationUser user) =>
        (await signIn.UserManager.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []).ToList();

    private async Task ShowAsync(ApplicationUser user)
    {
        AlreadyOn = user.TwoFactorEnabled && AccountGuardMiddleware.SignedInWithTwoFactor(User);
        if (AlreadyOn)
        {
            RecoveryCodesLeft = await signIn.UserManager.CountRecoveryCodesAsync(user);
            return;
        }

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
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        QrCodeImage = "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(6));
    }
}
