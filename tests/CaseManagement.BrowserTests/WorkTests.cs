using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static CaseManagement.BrowserTests.WorkSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The work with a child in a real browser: an intervention started and completed, an onward referral accepted after a wait.</summary>
public sealed class WorkTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task CaseManager_CompletesAnIntervention_AndAnOnwardReferralIsAcceptedAfterAWait_InWelshToo()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();

        // An intervention from the team's list, provided by an organisation named in words; the empty form explains itself first.
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Interventions" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Interventions", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("record-intervention").ClickAsync();
        await page.GetByTestId("save-intervention").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose the kind of intervention.");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Mentoring", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Another organisation").CheckAsync();
        await page.GetByLabel("Name of the organisation").FillAsync("Valleys Mentoring Project");
        await FillDateAsync(page, "Planned start", today.AddDays(-14));
        await page.GetByTestId("save-intervention").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The intervention has been recorded");
        await Expect(page.GetByTestId("intervention-status")).ToHaveTextAsync("Planned");

        // Started two weeks ago, completed today.
        await SetInterventionStatusAsync(page, "Mentoring", "Started", today.AddDays(-14));
        await SetInterventionStatusAsync(page, "Mentoring", "Completed", today);
        await AssertAccessibleAsync(page);

        // Referred on to CAMHS 30 days ago, accepted after ten days, first seen two days ago: a wait of 28 days.
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Onward referrals" }).ClickAsync();
        await ReferOnAsync(page, "CAMHS and emotional health", today.AddDays(-30));
        await OnwardReferralStepAsync(page, "CAMHS and emotional health", "The service accepted the referral", today.AddDays(-20));
        await Expect(page.GetByTestId("onward-referral-status")).ToHaveTextAsync("Accepted, waiting for a first appointment");
        await OnwardReferralStepAsync(page, "CAMHS and emotional health", "The child had their first appointment", today.AddDays(-2));
        await Expect(page.GetByTestId("onward-referral-wait")).ToHaveTextAsync("28 days to the first appointment");

        // The same in Welsh: the wait, and the intervention under the Welsh name the team gives its kind.
        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(page.GetByTestId("onward-referral-wait")).ToHaveTextAsync("28 diwrnod tan yr apwyntiad cyntaf");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Ymyriadau" }).ClickAsync();
        await Expect(page.GetByTestId("interventions")).ToContainTextAsync("Mentora");
        await Expect(page.GetByTestId("intervention-status")).ToHaveTextAsync("Wedi'i gwblhau");
        await AssertAccessibleAsync(page);
    }
}
