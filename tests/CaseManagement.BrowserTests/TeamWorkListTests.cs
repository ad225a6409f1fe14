using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The team manager's work lists as a person uses them: a service the list does not know, and Back.</summary>
public sealed class TeamWorkListTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Period = "from=2026-01-01&to=2026-06-30";

    [SkippableFact]
    public async Task OnwardReferrals_ServiceItDoesNotKnow_ErrorLeadsToTheServiceField_AndBackKeepsThePeriod()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");
        await page.OpenAsync($"/team/work/onward-referrals?service=nonsense&{Period}");

        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Choose one of the services." }).ClickAsync();
        await Expect(page.GetByLabel("Service", new() { Exact = true })).ToBeFocusedAsync();
        await Expect(page.GetByTestId("back")).ToHaveAttributeAsync("href", $"/team/work?{Period}");
        await AssertAccessibleAsync(page);

        // Choosing a service from the field lists it, and the period the list was opened from is still where Back goes.
        await page.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync("EmotionalHealth");
        await page.GetByTestId("show-service").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Onward referrals waiting: CAMHS and emotional health");
        await Expect(page.GetByTestId("back")).ToHaveAttributeAsync("href", $"/team/work?{Period}");
        await AssertAccessibleAsync(page);

        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString($"/team/work/onward-referrals?service=nonsense&{Period}")}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Dewiswch un o'r gwasanaethau." }).ClickAsync();
        await Expect(page.GetByLabel("Gwasanaeth", new() { Exact = true })).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task Contacts_OutcomeItDoesNotKnow_ErrorLeadsToTheField_AndChoosingAFigureListsIt()
    {
        // Decision 0118: an outcome the list does not know was read as "did not attend", quietly.
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");
        await page.OpenAsync($"/team/work/contacts?outcome=nonsense&{Period}");

        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Contacts");
        await Expect(page.GetByTestId("item-count")).ToHaveCountAsync(0);
        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Choose attended or did not attend." }).ClickAsync();
        await Expect(page.GetByLabel("Outcome", new() { Exact = true })).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync("Attended");
        await page.GetByTestId("show-outcome").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Contacts attended");
        await Expect(page.GetByTestId("item-count")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("back")).ToHaveAttributeAsync("href", $"/team/work?{Period}");
        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }
}
