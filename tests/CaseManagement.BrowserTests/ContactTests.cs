using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>Contacts in a real browser (issue 17, point 1): the case manager and the seconded police officer each record one.</summary>
public sealed class ContactTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }

    private static async Task RecordAsync(IPage page, string kind, string summary)
    {
        await page.OpenAsync("/cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Contacts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Contacts", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("record-contact").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a contact", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // What is usual is filled in; only the kind and the summary are left to say.
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose what kind of contact it was.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Summary").FillAsync(summary);
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The contact is recorded.");
        await Expect(page.GetByTestId("contacts")).ToContainTextAsync(summary);
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task CaseManagerAndPoliceOfficer_EachRecordAContact_AndReadTheListInWelsh()
    {
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager);
        await RecordAsync(manager, "Home visit", "Talked with Dai and his mum about the youth club.");

        var police = await fixture.NewPageAsync();
        await fixture.SignInAsync(police, "practitioner@demo.example");
        await RecordAsync(police, "Phone call", "Rang Dai after the incident at the park.");
        await Expect(police.GetByTestId("contacts")).ToContainTextAsync("Talked with Dai and his mum about the youth club.");

        await police.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(police.GetByRole(AriaRole.Heading, new() { Name = "Cysylltiadau", Level = 1 })).ToBeVisibleAsync();
        await Expect(police.GetByTestId("contacts")).ToContainTextAsync("Galwad ffôn");
        await AssertAccessibleAsync(police);
    }
}
