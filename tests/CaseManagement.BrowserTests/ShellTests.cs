using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The UI shell in a real browser: sign in, the home page, the language switch, and accessibility.</summary>
public sealed class ShellTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task SignIn_DemoCaseManager_LandsOnTheHomePage()
    {
        var page = await fixture.NewPageAsync();

        await fixture.SignInAsync(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Siân Evans");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("figure-my-cases")).ToContainTextAsync("case you work on");
        await Expect(page).ToHaveTitleAsync("Overview – Youth prevention case management");
    }

    [SkippableFact]
    public async Task SignIn_WrongPassword_FocusesTheErrorSummaryLinkedToTheField()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync("/sign-in");

        await page.GetByLabel("Email address").FillAsync("casemanager@demo.example");
        await page.GetByLabel("Password").FillAsync("not the right password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // GOV.UK Frontend's JavaScript moves focus to the summary: proof that the ES modules loaded.
        await Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The email address or password is not right" }).ClickAsync();
        await Expect(page.GetByLabel("Email address")).ToBeFocusedAsync();
    }

    [SkippableFact]
    public async Task LanguageSwitch_Cymraeg_ShowsTheServiceInWelshAndBack()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trosolwg", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Atgyfeiriadau", Exact = true })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
    }

    [SkippableFact]
    public async Task Navigation_ReferralToDetails_ShowsTheChildsDetails()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "R-DEMO-0001" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dafydd Williams", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText("Seen with older young people near the retail park")).ToBeVisibleAsync();
    }

    [SkippableTheory]
    [InlineData("/sign-in", false, "en-GB")]
    [InlineData("/sign-in", false, "cy-GB")]
    [InlineData("/", true, "en-GB")]
    [InlineData("/", true, "cy-GB")]
    [InlineData("/referrals", true, "en-GB")]
    [InlineData("/referrals", true, "cy-GB")]
    [InlineData("/children", true, "en-GB")]
    [InlineData("/no-such-page", true, "en-GB")]
    [InlineData("/error/500", false, "cy-GB")]
    public async Task Pages_HaveNoAccessibilityViolations(string path, bool signIn, string culture)
    {
        var page = await fixture.NewPageAsync();
        if (signIn)
        {
            await fixture.SignInAsync(page);
        }

        // The language switch, as a person would use it, then the page under test.
        await page.OpenAsync($"/language/{culture}?returnUrl={Uri.EscapeDataString(path)}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);

        Assert.True(violations.Count == 0, $"axe-core found on {path}:\n" + string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task SkipLink_FirstTab_TakesFocusToTheMainContent()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }
}
