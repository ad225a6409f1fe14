using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>Two-factor sign-in, the administration and audit pages, and emergency access, in a real browser.</summary>
public sealed class AccessTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task TwoFactor_TeamManager_SetsUpAnAuthenticatorThenSignsInWithACode()
    {
        var page = await fixture.NewPageAsync();
        const string Email = "new.manager@demo.example";
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CaseManagement.Infrastructure.Identity.ApplicationUser>>();
            var manager = new CaseManagement.Infrastructure.Identity.ApplicationUser { UserName = Email, Email = Email, DisplayName = "Bethan Lloyd" };
            Assert.True((await users.CreateAsync(manager, BrowserFixture.Password)).Succeeded);
            await users.AddToRoleAsync(manager, "TeamManager");
        }

        await page.OpenAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // The role requires two factors: the manager is sent to set them up before anything else.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up two-factor sign-in", Level = 1 })).ToBeVisibleAsync();
        await page.OpenAsync("/children");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor$"));
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The code is not right");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

        // Turned on: the page offers recovery codes for a lost phone before the person goes on.
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("Two-factor sign-in is on for your account.");
        await page.GetByTestId("make-recovery-codes").ClickAsync();
        await Expect(page.GetByTestId("recovery-codes").GetByRole(AriaRole.Listitem)).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the service" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByLabel("Email address").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app", Level = 1 })).ToBeVisibleAsync();

        // The code that turned it on is used: the app accepts each once. The next one, as a fast phone would show it.
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Emergency access to your team's records" })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Administrator_AddsAUser_WithErrorsShownBesideTheFields()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "admin@demo.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a user" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Add a user" })).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter an email address");
        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter an email address." }).ClickAsync();
        await Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();

        await page.GetByLabel("Email address").FillAsync("new.worker@demo.example");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Elin Owen");
        await page.GetByLabel("Case manager").CheckAsync();
        await page.GetByLabel("Cwm Taf Prevention Team").CheckAsync();
        await page.GetByLabel("Temporary password").FillAsync("a temporary password for elin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(page.GetByTestId("admin-message")).ToHaveTextAsync("The account has been created.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Elin Owen", Level = 1 })).ToBeVisibleAsync();
    }

    [SkippableTheory]
    [InlineData("auditor@demo.example", "/audit")]
    [InlineData("admin@demo.example", "/admin/users")]
    [InlineData("admin@demo.example", "/admin/users/new")]
    [InlineData("admin@demo.example", "/admin/teams")]
    [InlineData("admin@demo.example", "/admin/agencies")]
    [InlineData("casemanager@demo.example", "/account")]
    [InlineData("casemanager@demo.example", "/account/change-password")]
    [InlineData("referrer@demo.example", "/account/two-factor")]
    [InlineData("teammanager@demo.example", "/referrals/{R-DEMO-0006}")]
    public async Task NewPages_HaveNoAccessibilityViolations(string email, string path)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, email);
        if (path.Contains("{R-DEMO-0006}", StringComparison.Ordinal))
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.Where(r => r.Reference == "R-DEMO-0006").Select(r => r.Id).SingleAsync();
            path = path.Replace("{R-DEMO-0006}", id.ToString(), StringComparison.Ordinal);
        }

        foreach (var culture in new[] { "cy-GB", "en-GB" })
        {
            await page.OpenAsync($"/language/{culture}?returnUrl={Uri.EscapeDataString(path)}");
            var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
            Assert.True(violations.Count == 0, $"axe-core found on {path} ({culture}):\n" + string.Join("\n", violations));
        }
    }

    [SkippableFact]
    public async Task Auditor_ChecksTheTrailAndFiltersIt()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "auditor@demo.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit trail", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the audit trail has not been altered" }).ClickAsync();
        await Expect(page.GetByTestId("audit-verification")).ToContainTextAsync("The audit trail is intact");

        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Created" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Expect(page.GetByTestId("audit-table")).ToContainTextAsync("Created");
        await Expect(page.GetByTestId("audit-table")).Not.ToContainTextAsync("Viewed");
    }
}

/// <summary>A session that ends after six seconds idle, so the warning can be seen without waiting twenty minutes.</summary>
public sealed class ShortSessionFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Security:IdleTimeoutMinutes"] = "0.1" };
}

public sealed class SessionTimeoutTests(ShortSessionFixture fixture) : IClassFixture<ShortSessionFixture>
{
    [SkippableFact]
    public async Task IdleSession_WarnsThenSignsOut_UnlessThePersonStays()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);

        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "You are about to be signed out" });
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" })).ToBeFocusedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/sign-in\?timeout=true$"), new() { Timeout = 10_000 });
        await Expect(page.GetByText("You were signed out because you had not done anything for a while.")).ToBeVisibleAsync();
        await page.OpenAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
    }
}
