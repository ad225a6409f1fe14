using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Provider = CaseManagement.TestIdentityProvider.TestIdentityProvider;

namespace CaseManagement.BrowserTests;

/// <summary>The app with the tests' own OpenID Connect provider on another loopback port as the council's (docs/decisions/0045).</summary>
#pragma warning disable CA1001 // xunit disposes a fixture through IAsyncLifetime.DisposeAsync, which stops the provider.
public sealed class CouncilBrowserFixture : BrowserFixture
#pragma warning restore CA1001
{
    public Provider IdentityProvider { get; } = Provider.Start();

    protected override IReadOnlyDictionary<string, string> Settings => IdentityProvider.AppSettings;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();

        // The app's address is known only once it listens; the provider learns it before anyone signs in.
        await IdentityProvider.AllowClientAsync(BaseAddress);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await IdentityProvider.DisposeAsync();
    }
}

/// <summary>Issue 21's "done when": a person signs in through the council's provider, lands in their own account with its roles, and signs out of both.</summary>
public sealed class CouncilSignInTests(CouncilBrowserFixture fixture) : IClassFixture<CouncilBrowserFixture>
{
    [SkippableFact]
    public async Task SignInThroughTheProvider_LandsInTheOwnAccount_AndSignsOutOfBoth()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync("/sign-in");
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " + Provider.DisplayName }).ClickAsync();
        await page.GetByLabel("Council email address").FillAsync(Provider.TestUserEmail);
        await page.GetByLabel("Council password").FillAsync(Provider.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in to " + Provider.DisplayName }).ClickAsync();

        // The demo case manager's own account: its name in the header, and its own cases on its home page.
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/").ToString());
        await page.WaitForReadyAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-my-cases")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(fixture.BaseAddress, "/sign-in").ToString());
        await page.WaitForReadyAsync();
        Assert.NotEqual(string.Empty, Assert.Single(fixture.IdentityProvider.EndSessionHints));

        // Signed out of both: the app sends the person to sign in, and the provider asks for the council password again.
        await page.OpenAsync("/cases");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in\\?ReturnUrl="));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with " + Provider.DisplayName }).ClickAsync();
        await Expect(page.GetByLabel("Council password")).ToBeVisibleAsync();
    }
}
