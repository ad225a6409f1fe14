using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The three-part plan in a real browser: linked to the needs of Dai's countersigned assessment, published and printed
/// in Welsh; then a multi-agency meeting whose decision becomes an action of the plan.
/// </summary>
public sealed class PlanTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Plan_ThreePartsLinkedToNeeds_PublishedAndPrintedInWelsh_ThenAMeetingDecisionBecomesAnAction()
    {
        var page = await fixture.NewPageAsync();
        var caseId = await WorkSteps.AssessedCaseAsync(fixture);
        await fixture.SignInAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await page.OpenAsync($"/cases/{caseId}");
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Plan");
        await AssertAccessibleAsync(page);

        // The child's own plan, in his words.
        await page.GetByText("Add to the child's own plan").ClickAsync();
        await page.GetByLabel("What I want").CheckAsync();
        await page.GetByLabel("In the child's words").FillAsync("I want to be a mechanic");
        await page.GetByTestId("add-item").ClickAsync();
        await Expect(page.GetByTestId("my-plan-WhatIWant")).ToContainTextAsync("I want to be a mechanic");

        // An action must say which need it answers; the rule's words show beside the needs.
        await page.GetByText("Add an action").ClickAsync();
        await page.GetByLabel("What will be done").FillAsync("Reading support twice a week");
        await page.GetByLabel("Agency that owns it").FillAsync("Ysgol Gyfun Rhydywaun");
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Due" }), today.AddDays(21));
        await page.GetByTestId("add-action").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose the assessed need or needs this answers.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Learning (significant)").CheckAsync();
        await page.GetByTestId("add-action").ClickAsync();
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Reading support twice a week");
        await Expect(page.GetByTestId("plan-actions").Locator("[data-need='Caf:Learning']")).ToBeVisibleAsync();

        // The exit plan: a person who stays.
        await page.GetByText("Add a service or person").ClickAsync();
        await page.GetByLabel("A person").CheckAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nan");
        await page.GetByLabel("What they do with the child").FillAsync("Sunday dinner and a lift to boxing");
        await page.GetByTestId("add-exit").ClickAsync();
        await Expect(page.GetByTestId("plan-exit")).ToContainTextAsync("Sunday dinner and a lift to boxing");
        await AssertAccessibleAsync(page);

        // The manager's view of the gaps: the bereavement has no answer yet.
        await page.GetByTestId("coverage-link").ClickAsync();
        await Expect(page.GetByTestId("gaps")).ToContainTextAsync("Bereavement");
        await Expect(page.GetByTestId("gaps")).Not.ToContainTextAsync("Learning");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();

        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The plan is published.");
        await Expect(page.GetByTestId("plan-versions")).ToContainTextAsync("Version 1");

        // Printed in Welsh for the family, while the case manager works in English.
        await page.GetByTestId("print-form").GetByLabel("Welsh").CheckAsync();
        await page.GetByTestId("print").ClickAsync();
        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Y cynllun");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByTestId("print-version")).ToContainTextAsync("Fersiwn 1");
        await Expect(page.GetByTestId("print-professionals").Locator("[data-need='Caf:Learning']")).ToHaveTextAsync("Dysgu");
        await Expect(page.GetByTestId("print-my-plan")).ToContainTextAsync("I want to be a mechanic");
        await AssertAccessibleAsync(page);

        // A strategy meeting decides on bereavement support; the decision becomes an action with one click.
        await page.OpenAsync($"/cases/{caseId}/meetings");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("record-meeting").ClickAsync();
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "When was the meeting?" }), today);
        await page.GetByLabel("Strategy or safety meeting").CheckAsync();
        var first = page.GetByTestId("attendee-0");
        await first.GetByLabel("Name").FillAsync("Siân Evans");
        await first.GetByLabel("Agency").FillAsync("Prevention team");
        var second = page.GetByTestId("attendee-1");
        await second.GetByLabel("Name").FillAsync("PC Rhys Jones");
        await second.GetByLabel("Agency").FillAsync("South Wales Police");
        await second.GetByLabel("Sent apologies instead of coming").CheckAsync();
        await page.GetByLabel("The child's view").FillAsync("I miss my grandad.");
        var decision = page.GetByTestId("decision-0");
        await decision.GetByLabel("What was decided").FillAsync("Bereavement support through Cruse");
        await decision.GetByLabel("Agency that owns it").FillAsync("Cruse Bereavement Support");
        await FillDateAsync(decision.GetByRole(AriaRole.Group, new() { Name = "Due" }), today.AddDays(14));
        await page.GetByLabel("Make every decision an action of the professionals' plan").UncheckAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-meeting").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The meeting is recorded.");
        await Expect(page.GetByTestId("meeting")).ToContainTextAsync("Sent apologies");
        await page.GetByTestId("act").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The decision is now an action of the plan.");
        await Expect(page.GetByTestId("in-plan")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Bereavement support through Cruse");
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Decided at a meeting");
        await Expect(page.GetByTestId("unpublished")).ToBeVisibleAsync();
    }
}
