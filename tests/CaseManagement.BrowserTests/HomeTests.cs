using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The home page as each role meets it: their own work, accessible, and each figure a way into its list.</summary>
public sealed class HomeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableTheory]
    [InlineData("casemanager@demo.example", "figure-my-cases", "/cases\\?show=mine$")]
    [InlineData("teammanager@demo.example", "figure-screening", "/screening\\?status=Screening$")]
    [InlineData("practitioner@demo.example", "figure-my-cases", "/cases\\?show=mine$")]
    [InlineData("referrer@demo.example", "referrals-by-status", "/referrals\\?status=\\w+$")]
    [InlineData("auditor@demo.example", "audit-links", "/audit$")]
    public async Task Home_EachRole_SeesTheirWork_AndItsLinkOpensTheList(string email, string testId, string landing)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));

        await page.GetByTestId(testId).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(landing));
        await Expect(page.GetByTestId("page-heading")).ToBeVisibleAsync();
        if (testId == "figure-my-cases")
        {
            // The case manager's case, and the one the police officer is on: the list is not empty.
            await Expect(page.GetByTestId("case-table")).ToBeVisibleAsync();
        }
    }
}
