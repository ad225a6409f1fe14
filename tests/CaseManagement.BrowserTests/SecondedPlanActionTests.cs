using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Issue 17: the seconded police officer on Dai's case says, on the plan page, that the police's own action has
/// started, and sees it; the school's action is not offered to him. A class of its own so the plan starts empty.
/// </summary>
public sealed class SecondedPlanActionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task SecondedPolice_MarksTheirOwnAgencysActionStarted_AndIsNotOfferedTheSchoolsAction()
    {
        var caseId = await WorkSteps.AssessedCaseAsync(fixture);
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager);
        await manager.OpenAsync($"/cases/{caseId}/plan");
        await AddActionAsync(manager, "Reading support twice a week", "Ysgol Gyfun Rhydywaun");
        await AddActionAsync(manager, "Visit the family with the neighbourhood team", "South Wales Police (demo)");

        var police = await fixture.NewPageAsync();
        await fixture.SignInAsync(police, "practitioner@demo.example");
        await police.OpenAsync($"/cases/{caseId}/plan");
        await Expect(police.GetByTestId("page-heading")).ToHaveTextAsync("Plan");
        await police.GetByText("Update an action your agency owns").ClickAsync();
        await AssertAccessibleAsync(police);
        var which = police.GetByRole(AriaRole.Group, new() { Name = "Which action" });
        await Expect(which.GetByRole(AriaRole.Radio)).ToHaveCountAsync(1);
        await Expect(which).Not.ToContainTextAsync("Reading support twice a week");

        // "Not possible" needs the reason; the rule's words show beside the field.
        await which.GetByLabel("Visit the family with the neighbourhood team").CheckAsync();
        await police.GetByLabel("Not possible", new() { Exact = true }).CheckAsync();
        await police.GetByTestId("own-action").ClickAsync();
        await Expect(police.GetByTestId("error-summary")).ToContainTextAsync("Say why the action is not possible.");
        await AssertAccessibleAsync(police);

        await police.GetByRole(AriaRole.Group, new() { Name = "Which action" }).GetByLabel("Visit the family with the neighbourhood team").CheckAsync();
        await police.GetByLabel("Started", new() { Exact = true }).CheckAsync();
        await police.GetByTestId("own-action").ClickAsync();
        await Expect(police.GetByTestId("done-banner")).ToContainTextAsync("Action updated.");
        await Expect(Row(police, "Visit the family with the neighbourhood team")).ToContainTextAsync("In progress");
        await Expect(Row(police, "Reading support twice a week")).ToContainTextAsync("Not started");
        await AssertAccessibleAsync(police);

        // The case manager sees the officer's word on the same plan.
        await manager.OpenAsync($"/cases/{caseId}/plan");
        await Expect(Row(manager, "Visit the family with the neighbourhood team")).ToContainTextAsync("In progress");
    }

    private static ILocator Row(IPage page, string what) =>
        page.GetByTestId("plan-actions").GetByRole(AriaRole.Row).Filter(new() { HasText = what });

    private static async Task AddActionAsync(IPage page, string what, string agency)
    {
        await page.GetByText("Add an action").ClickAsync();
        await page.GetByLabel("What will be done").FillAsync(what);
        await page.GetByLabel("Agency that owns it").FillAsync(agency);
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Due" }), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21));
        await page.GetByLabel("Learning (significant)").CheckAsync();
        await page.GetByTestId("add-action").ClickAsync();
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync(what);
    }
}
