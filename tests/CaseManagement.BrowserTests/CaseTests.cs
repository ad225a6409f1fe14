using System.Globalization;
using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>A case in a real browser: from an accepted referral to allocation, the timeline, goals, a review and closure.</summary>
public sealed class CaseTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task CaseManager_TakesAChildFromReferralToClosure()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Screening accepts Ffion's referral: her case waits for allocation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Screening" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "R-DEMO-0003" }).ClickAsync();
        await page.GetByLabel("Accept").CheckAsync();
        await page.GetByTestId("screening-decide").ClickAsync();
        await page.GetByTestId("case-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ffion Roberts", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Waiting for allocation");
        await AssertAccessibleAsync(page);
        var caseUrl = new Uri(page.Url).AbsolutePath;

        await page.OpenAsync("/cases?show=waiting");
        await Expect(page.GetByTestId("case-table")).ToContainTextAsync("Ffion Roberts");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ffion Roberts" }).ClickAsync();

        await page.GetByLabel("Allocate to").SelectOptionAsync(new SelectOptionValue { Label = "Siân Evans" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Allocate", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The case has been allocated");
        await Expect(page.GetByTestId("case-manager")).ToHaveTextAsync("Siân Evans");
        await Expect(page.GetByTestId("next-review")).ToHaveTextAsync(today.AddDays(42).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")));

        // A transition on the timeline, with a date the family remembers only roughly; the empty form explains itself first.
        await page.GetByTestId("timeline-link").ClickAsync();
        await page.GetByTestId("add-entry").ClickAsync();
        await page.GetByTestId("save-entry").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose what kind of event this was.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("School move").CheckAsync();
        await FillDateAsync(page, "When did it happen?", new DateOnly(today.Year - 2, 9, 1));
        await page.GetByLabel("The date is approximate").CheckAsync();
        await page.GetByLabel("What happened, in a few words").FillAsync("Moved to Ysgol Gyfun Rhydywaun");
        await page.GetByTestId("save-entry").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The event has been added");
        var entry = page.GetByTestId("timeline-item").Filter(new() { HasText = "Moved to Ysgol Gyfun Rhydywaun" });
        await Expect(entry).ToContainTextAsync($"about September {today.Year - 2}");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Allocated to Siân Evans");
        await AssertAccessibleAsync(page);

        // A goal set with Ffion.
        await page.OpenAsync(caseUrl);
        await page.GetByTestId("set-goal").ClickAsync();
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("Be in school every day this half term");
        await page.GetByLabel("The child").CheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-goal").ClickAsync();
        await Expect(page.GetByTestId("goals")).ToContainTextAsync("Be in school every day this half term");

        // The review: progress on the goal, Ffion's own view, and the decision to plan the exit.
        await page.GetByTestId("hold-review").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Progress" }).GetByLabel("7", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The child's view").FillAsync("School is better since I moved classes.");
        await page.GetByLabel("Plan the return to universal services").CheckAsync();
        await FillDateAsync(page, "Next review", today.AddDays(14));
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-review").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The review has been recorded");
        await Expect(page.GetByTestId("review")).ToContainTextAsync("School is better since I moved classes.");
        await Expect(page.GetByTestId("goals")).ToContainTextAsync("7/10");

        // Closure with an exit plan naming the services Ffion returns to.
        await page.GetByTestId("close-case").ClickAsync();
        await page.GetByTestId("confirm-close").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose why the case is closing.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("The work is complete").CheckAsync();
        await FillDateAsync(page, "Date the case closed", today);
        await page.GetByLabel("Youth service").CheckAsync();
        await page.GetByLabel("Exit plan").FillAsync("Introduced to the youth worker at Canolfan Pentre; school youth engagement worker to check in monthly.");
        await page.GetByTestId("confirm-close").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The case has been closed");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("Closed");
        await Expect(page.GetByTestId("closure-reason")).ToHaveTextAsync("The work is complete");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("timeline-link").ClickAsync();
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Case closed: The work is complete");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync("Review held: Plan the return to universal services");
    }

    [SkippableFact]
    public async Task TimelineEntry_DateInTheFutureAndNoTitle_ShowsBothBesideTheirFieldsAtOnce()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("timeline-link").ClickAsync();
        await page.GetByTestId("add-entry").ClickAsync();

        await page.GetByLabel("School move").CheckAsync();
        await page.GetByLabel("Day").FillAsync("1");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync((DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("save-entry").ClickAsync();

        // One round: the rule of the date (once checked only after every other) and the missing title, in page order.
        var summary = page.GetByTestId("error-summary");
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync(["The date of the event must be today or in the past.", "Say what happened, in a few words."]);
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await summary.GetByRole(AriaRole.Link, new() { Name = "The date of the event must be today or in the past." }).ClickAsync();
        await Expect(page.GetByLabel("Day")).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task Timeline_FilteredByCategory_ShowsOnlyThatCategory_InWelshToo()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("timeline-link").ClickAsync();

        await page.GetByText("Filter by category").ClickAsync();
        await page.GetByTestId("timeline-filter").GetByLabel("Bereavement").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Expect(page.GetByTestId("timeline-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("timeline-item")).ToContainTextAsync("Taid (grandfather) died");

        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.GetByTestId("timeline-item")).ToContainTextAsync("Profedigaeth");
        await AssertAccessibleAsync(page);
    }

    [SkippableTheory]
    [InlineData("casemanager@demo.example")]
    [InlineData("practitioner@demo.example")]
    public async Task CaseList_InWelsh_FitsAPhoneWithItsFilters(string email)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, email);
        await page.OpenAsync("/cases");

        // The Welsh names of the sources are longer than the English: the filter's list once pushed the page to 507 px.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Achosion", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Ffynhonnell")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task TeamManager_SeesCaseloads_AndFollowsAFigureToItsList()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("caseloads")).ToContainTextAsync("Siân Evans");
        await AssertAccessibleAsync(page);

        await page.GetByTestId("figure-waiting").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("case-table")).ToContainTextAsync("Tyler Jones");
        await page.OpenAsync("/assessments/awaiting-countersignature");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Assessments awaiting countersignature", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The outcome figures: charts with their tables, for the last twelve months unless another period is asked for.
        await page.OpenAsync("/team");
        await page.GetByTestId("outcomes-link").ClickAsync();
        await Expect(page.GetByTestId("referrals-received")).Not.ToHaveTextAsync("0");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Referrals by source" })).ToContainTextAsync("Police neighbourhood team");
        await Expect(page.GetByTestId("chart-returns").GetByTestId("chart-none")).ToHaveTextAsync("None yet");
        foreach (var width in new[] { 1280, PageChecks.PhoneWidth })
        {
            await page.SetViewportSizeAsync(width, 800);
            Assert.Equal(0, await page.EvaluateAsync<int>(
                """
                () => [...document.querySelectorAll('.app-chart__row')].filter(row => {
                    const label = row.querySelector('.app-chart__label').getBoundingClientRect();
                    const value = row.querySelector('.app-chart__value').getBoundingClientRect();
                    return label.left < value.right && value.left < label.right && label.top < value.bottom && value.top < label.bottom;
                }).length
                """));
        }

        await page.SetViewportSizeAsync(1280, 720);
        await page.GetByText("Show the figures as a table").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Referrals by source" })).ToContainTextAsync("Police neighbourhood team");
        await AssertAccessibleAsync(page);

        // Moving a caseload: the page for Siân's cases, and a choice left empty explains itself.
        await page.OpenAsync("/team");
        await page.GetByTestId("caseloads").GetByRole(AriaRole.Row).Filter(new() { HasText = "Siân Evans" }).GetByTestId("move-caseload").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move the open cases of Siân Evans", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("move-submit").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose the case manager to move the cases to.");
        await Expect(page.GetByLabel("Move the cases to")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task TeamManager_FiltersAndSortsTheWaitingList_AndSetsAChildsPriority()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");

        // Tyler's referral was urgent: routine cases only, and he is not there; urgent ones, and he is, at high priority.
        await page.OpenAsync("/cases?show=waiting");
        await page.GetByLabel("Urgency").SelectOptionAsync(new SelectOptionValue { Label = "Routine" });
        await page.GetByTestId("apply-filters").ClickAsync();
        await Expect(page.GetByTestId("case-filters")).ToContainTextAsync("Clear filters");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Tyler Jones");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Urgency").SelectOptionAsync(new SelectOptionValue { Label = "Urgent" });
        await page.GetByTestId("apply-filters").ClickAsync();
        var tyler = page.GetByTestId("case-row").Filter(new() { HasText = "Tyler Jones" });
        await Expect(tyler.GetByTestId("case-priority")).ToHaveTextAsync("High");
        await Expect(tyler.GetByTestId("case-source")).ToHaveTextAsync("Police out-of-court or street disposal");
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(await page.GetByTestId("case-row").Filter(new() { HasText = "Urgent" }).CountAsync());

        // The list says it is in priority order; sorted by days waiting (the longest first), the filter kept.
        await Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Priority");
        await page.GetByTestId("sort-days-waiting").ClickAsync();
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Days waiting");
        Assert.Contains("urgency=Urgent", page.Url, StringComparison.Ordinal);
        Assert.Contains("handler=Csv", await page.GetByTestId("download-csv").GetAttributeAsync("href"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // The team lowers Tyler's priority on his case; the waiting list shows it.
        await tyler.GetByRole(AriaRole.Link, new() { Name = "Tyler Jones" }).ClickAsync();
        await page.GetByLabel("Priority for allocation").SelectOptionAsync(new SelectOptionValue { Label = "Low" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the priority" }).ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The priority for allocation has been set");
        await Expect(page.GetByTestId("case-priority")).ToHaveTextAsync("Low (urgent referral)");
        await AssertAccessibleAsync(page);
        await page.OpenAsync("/cases?show=waiting&priority=Low");
        await Expect(page.GetByTestId("case-table")).ToContainTextAsync("Tyler Jones");
        await page.OpenAsync("/cases?show=waiting&priority=High");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Tyler Jones");
    }
}
