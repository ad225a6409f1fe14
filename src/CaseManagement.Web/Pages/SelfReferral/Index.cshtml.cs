using CaseManagement.Web.Forms;
using System.Globalization;
using System.Security.Cryptography;
using CaseManagement.Application.Organisation;
using CaseManagement.Application.Organisation.Queries.ListTeamChoices;
using CaseManagement.Application.Referrals.Commands.SubmitSelfReferral;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Referrals;
using CaseManagement.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Pages.SelfReferral;

/// <summary>
/// The public form for a child or family to ask for help: no sign-in, rate-limited per address, and resistant to spam
/// (a field people never see, and a minimum time to fill the form in). Whatever happens, the sender learns nothing about
/// the team's records: only the reference of their own request.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(HostSetup.SelfReferralRateLimit)]
public sealed partial class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> text, IDataProtectionProvider protection, IOptions<SecurityOptions> security, TimeProvider clock, ILogger<IndexModel> logger)
    : AppPageModel(mediator)
{
    private const string Purpose = "self-referral-form";

    public IReadOnlyList<TeamChoice> Teams { get; private set; } = [];

    /// <summary>The form's token: which submission this is, and when the form was shown (protected, so it cannot be forged).</summary>
    [BindProperty] public string? Token { get; set; }

    /// <summary>A field hidden from people; only scripts fill it in.</summary>
    [BindProperty] public string? Website { get; set; }

    [BindProperty] public string? TeamId { get; set; }
    [BindProperty] public string? Relationship { get; set; }
    [BindProperty] public string? YourName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? ChildGivenName { get; set; }
    [BindProperty] public string? ChildFamilyName { get; set; }
    [BindProperty] public DateInput ChildDateOfBirth { get; set; } = DateInput.Empty;
    [BindProperty] public string? ChildPostcode { get; set; }
    [BindProperty] public string? ChildPreferredLanguage { get; set; }
    [BindProperty] public string? Concerns { get; set; }
    [BindProperty] public bool Agreed { get; set; }

    public IReadOnlyList<Partials.RadioOption> Options<TEnum>()
        where TEnum : struct, Enum => FormChoices.Options<TEnum>(text);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Token = NewToken(clock.GetUtcNow());
        Teams = await Mediator.Send(new ListTeamChoices(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Teams = await Mediator.Send(new ListTeamChoices(), cancellationToken);
        if (!TryReadToken(out var formKey, out var shownAt))
        {
            ModelState.AddModelError(string.Empty, text["The form has expired. Please fill it in again."]);

            // The answers are shown back: the person has already taken the time a person takes, and only needs to press
            // Send. A fresh token would set the time trap again and catch them (the honest quick sender of issue 16).
            Token = NewToken(clock.GetUtcNow() - TimeSpan.FromSeconds(security.Value.SelfReferralMinimumSeconds));
            return Page();
        }

        if (!string.IsNullOrEmpty(Website))
        {
            // Only scripts fill in a field people cannot see: answer exactly as for a person, and keep nothing.
            LogSpam(logger, "hidden field filled in");
            TempData["SelfReferralReference"] = ReferralReference.New(clock.GetUtcNow().UtcDateTime);
            return RedirectToPage("/SelfReferral/Sent");
        }

        // Sent sooner than a person could fill the form in: nothing is kept; a person (who pressed Send by mistake)
        // sees their answers checked and is asked to send again, which a blind script never does.
        var tooQuick = clock.GetUtcNow() - shownAt < TimeSpan.FromSeconds(security.Value.SelfReferralMinimumSeconds);
        var dob = DateOf(nameof(ChildDateOfBirth), ChildDateOfBirth, "Date of birth must be a real date, like 27 3 2012.");

        var language = FormChoices.Choice<PreferredLanguage>(ChildPreferredLanguage);
        var request = new SubmitSelfReferral
        {
            FormToken = formKey,
            TeamId = Guid.TryParse(TeamId, out var team) ? team : null,
            Relationship = FormChoices.Choice<SelfReferrerRelationship>(Relationship),
            YourName = YourName ?? string.Empty,
            Phone = Phone,
            Email = Email,
            ChildGivenName = ChildGivenName ?? string.Empty,
            ChildFamilyName = ChildFamilyName ?? string.Empty,
            ChildDateOfBirth = dob ?? default,
            ChildPostcode = ChildPostcode,
            ChildPreferredLanguage = language ?? default,
            Concerns = Concerns ?? string.Empty,
            Agreed = Agreed,
            CheckOnly = tooQuick || !ModelState.IsValid || language is null,
        };
        if (language is null)
        {
            ModelState.AddModelError(nameof(ChildPreferredLanguage), text["Select the child's preferred language."]);
        }

        var (ok, reference) = await TrySendAsync(request, cancellationToken, onlyChecks: request.CheckOnly);
        if (ok && tooQuick && ModelState.IsValid)
        {
            LogSpam(logger, "sent too quickly");
            ModelState.AddModelError(string.Empty, text["Your request has not been sent yet. Press Send to send it."]);
            return Page();
        }

        if (ok && ModelState.IsValid)
        {
            TempData["SelfReferralReference"] = reference;
            return RedirectToPage("/SelfReferral/Sent");
        }

        return Page();
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>A new submission key, and the time the form was shown, protected so neither can be forged.</summary>
    private string NewToken(DateTimeOffset shownAt) =>
        Protector.Protect($"{Convert.ToHexString(RandomNumberGenerator.GetBytes(16))}|{shownAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}");

    private bool TryReadToken(out string formKey, out DateTimeOffset shownAt)
    {
        formKey = string.Empty;
        shownAt = default;
        try
        {
            var parts = Protector.Unprotect(Token ?? string.Empty).Split('|');
            formKey = parts[0];
            shownAt = new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero);
            return clock.GetUtcNow() - shownAt < TimeSpan.FromDays(1);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IndexOutOfRangeException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Self-referral dropped as spam: {Why}")]
    private static partial void LogSpam(ILogger logger, string why);
}
