using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>Outcomes in a real browser (issue 19): the indicators recorded at the start and the end, then the quarterly return read by the manager.</summary>
public sealed class OutcomeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Quarters = ["January to March", "April to June", "July to September", "October to December"];

    private static async Task ChooseAsync(IPage page, string legend, string label) =>
        await page.GetByRole(AriaRole.Group, new() { Name = legend }).GetByLabel(label, new() { Exact = true }).CheckAsync();

    /// <summary>Answers the questions the record does not answer already (the page shows those it knows instead).</summary>
    private static async Task ChooseIfAskedAsync(IPage page, string legend, string label)
    {
        if (await page.GetByRole(AriaRole.Group, new() { Name = legend }).CountAsync() > 0)
        {
            await ChooseAsync(page, legend, label);
        }
    }

    private static async Task RecordAsync(IPage page, string stage, bool accommodation, int offered, int attended, string victims)
    {
        await page.GetByTestId("record-kpis").ClickAsync();
        await ChooseAsync(page, "When are the indicators recorded?", stage);
        await FillDateAsync(page, "Date", DateOnly.FromDateTime(DateTime.UtcNow));
        await ChooseAsync(page, "Does the child live in suitable accommodation?", accommodation ? "Yes" : "No");
        await page.GetByLabel("Hours of education, training or employment offered a week").FillAsync($"{offered}");
        await page.GetByLabel("Hours attended a week").FillAsync($"{attended}");
        await ChooseIfAskedAsync(page, "Special educational or additional learning needs", "Identified, with a plan");
        await ChooseIfAskedAsync(page, "Mental health and emotional wellbeing", "Referred");
        await ChooseIfAskedAsync(page, "Substance use", "No need");
        await ChooseAsync(page, "Links with children's services", "Child in need");
        await ChooseAsync(page, "Did the behaviour involve serious violence?", "No");
        await ChooseAsync(page, "Victims", victims);
        await page.GetByTestId("save-kpis").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The indicators have been recorded.");
    }

    [SkippableFact]
    public async Task CaseManager_RecordsTheIndicatorsAtStartAndEnd_AndTheManagerReadsTheQuarterlyReturn()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Outcomes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outcomes", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-kpis")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The empty form explains itself.
        await page.GetByTestId("record-kpis").ClickAsync();
        await page.GetByTestId("save-kpis").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose when the indicators are recorded.");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        await RecordAsync(page, "Start of the work", false, 20, 10, "Contacted");
        await RecordAsync(page, "End of the work", true, 20, 20, "Took part");
        await Expect(page.GetByTestId("kpi-education")).ToHaveTextAsync(["10 of 20 hours", "20 of 20 hours"]);
        await AssertAccessibleAsync(page);

        // The manager's return for this quarter: one child, so every count is hidden (a zero too, as the rest is one child).
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager, "teammanager@demo.example");
        await manager.OpenAsync("/team/outcomes");
        await manager.GetByTestId("kpi-report").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Quarterly key performance indicator return", Level = 1 })).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await manager.GetByLabel("Year").FillAsync($"{today.Year}");
        await ChooseAsync(manager, "Quarter", Quarters[(today.Month - 1) / 3]);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Show the figures" }).ClickAsync();
        await Expect(manager.GetByTestId("kpi-period")).ToContainTextAsync("Children whose work with the team ended in the quarter: 1.");
        await Expect(manager.GetByTestId("kpi-Accommodation-Suitable").GetByTestId("start")).ToHaveTextAsync("fewer than 5");
        await Expect(manager.GetByTestId("kpi-Accommodation-Suitable").GetByTestId("end")).ToHaveTextAsync("fewer than 5");
        await AssertAccessibleAsync(manager);

        await manager.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(manager.GetByTestId("kpi-Accommodation-Suitable").GetByTestId("end")).ToHaveTextAsync("llai na 5");
        await AssertAccessibleAsync(manager);
    }
}
