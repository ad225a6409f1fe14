using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static CaseManagement.BrowserTests.WorkSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Issue 17's month of work with Dai, done through the pages as his case manager and the seconded police officer do
/// it, on the days it happened (typed into the forms): contacts in Welsh, sessions of his boxing (one missed, one rearranged), the officer's
/// own contact, an intervention started and completed, the three-part plan linked to his assessed needs, the case
/// note, an onward referral accepted after a wait, a multi-agency meeting whose decision becomes an action; then
/// the team manager's figures count exactly that month and link to its rows. axe-core on each page.
/// </summary>
public sealed class MonthOfWorkTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task MonthOfWork_RecordedThroughThePages_TeamManagerSeesItCountedAndListed()
    {
        var page = await fixture.NewPageAsync();
        var caseId = await AssessedCaseAsync(fixture);
        await fixture.SignInAsync(page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Boxing with a club named in words: planned and started 28 days ago, so the contacts can say they were its sessions.
        await page.OpenAsync($"/cases/{caseId}/interventions");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("record-intervention").ClickAsync();
        await page.GetByLabel("Mentoring", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Another organisation").CheckAsync();
        await page.GetByLabel("Name of the organisation").FillAsync("Rhondda Boxing Club");
        await FillDateAsync(page, "Planned start", today.AddDays(-28));
        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-intervention").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The intervention has been recorded");
        await SetInterventionStatusAsync(page, "Mentoring", "Started", today.AddDays(-28));
        await AssertAccessibleAsync(page);

        await RecordContactsInWelshAsync(page, caseId, today);

        // The seconded police officer records the walk he took with Dai himself.
        var police = await fixture.NewPageAsync();
        await fixture.SignInAsync(police, "practitioner@demo.example");
        await police.OpenAsync($"/cases/{caseId}/contacts");
        await police.GetByTestId("record-contact").ClickAsync();
        await FillDateAsync(police.GetByRole(AriaRole.Group, new() { Name = "Date", Exact = true }), today.AddDays(-10));
        await police.GetByLabel("In the community", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Summary").FillAsync("PC Davies walked with Dai round the retail park.");
        await AssertAccessibleAsync(police);
        await police.GetByTestId("save-contact").ClickAsync();
        await Expect(police.GetByTestId("done-banner")).ToContainTextAsync("The contact is recorded.");
        await Expect(police.GetByTestId("contacts")).ToContainTextAsync("PC Davies walked with Dai round the retail park.");
        await AssertAccessibleAsync(police);

        // Dai's contacts were sessions of the boxing: two held, one missed (the rearranged one was not offered). Completed 4 days ago.
        await page.OpenAsync($"/cases/{caseId}/interventions");
        await SetInterventionStatusAsync(page, "Mentoring", "Completed", today.AddDays(-4));
        await page.OpenAsync($"/cases/{caseId}/interventions");
        await Expect(page.GetByTestId("intervention-sessions")).ToHaveTextAsync("2 of 3 attended");
        await AssertAccessibleAsync(page);

        // The plan's three parts, each action answering an assessed need, published as version 1.
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync("Plan");
        await AssertAccessibleAsync(page);
        await AddMyPlanAndExitAsync(page, "I want to be a mechanic", "Nan", "Sunday dinner and a lift to boxing");
        await AddPlanActionAsync(page, "Reading support twice a week", "Ysgol Gyfun Rhydywaun", today.AddDays(7), "Learning (significant)");
        await Expect(page.GetByTestId("plan-actions").Locator("[data-need='Caf:Learning']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("publish").ClickAsync();
        await Expect(page.GetByTestId("plan-versions")).ToContainTextAsync("Version 1");

        // A case note for the team only, then found again by searching the case's notes.
        await page.OpenAsync($"/cases/{caseId}/notes");
        await Expect(page.GetByTestId("no-notes")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Add a note").FillAsync("Mum rang: Dai has a place on the boxing club's summer camp.");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Family", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "The team only", Exact = true }).CheckAsync();
        await page.GetByTestId("save-note").ClickAsync();
        await Expect(page.GetByTestId("note-text")).ToHaveTextAsync("Mum rang: Dai has a place on the boxing club's summer camp.");
        await page.GetByLabel("Search the notes of this case").FillAsync("SUMMER CAMP");
        await page.GetByTestId("note-search").GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.GetByTestId("note")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);

        // Referred on to CAMHS 28 days ago, accepted 14 days ago, still waiting for a first appointment.
        await page.OpenAsync($"/cases/{caseId}/onward-referrals");
        await AssertAccessibleAsync(page);
        await ReferOnAsync(page, "CAMHS and emotional health", today.AddDays(-28));
        await OnwardReferralStepAsync(page, "CAMHS and emotional health", "The service accepted the referral", today.AddDays(-14));
        await Expect(page.GetByTestId("onward-referral-status")).ToHaveTextAsync("Accepted, waiting for a first appointment");
        await Expect(page.GetByTestId("onward-referral-wait")).ToHaveTextAsync("28 days so far");

        // A strategy meeting a week ago decides on bereavement support; its decision becomes an action of the plan.
        await page.OpenAsync($"/cases/{caseId}/meetings");
        await AssertAccessibleAsync(page);
        await RecordMeetingAndActOnItAsync(page, today.AddDays(-7), "Bereavement support through Cruse", "Cruse Bereavement Support", today.AddDays(14));
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Plan" }).ClickAsync();
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Bereavement support through Cruse");
        await Expect(page.GetByTestId("plan-actions")).ToContainTextAsync("Decided at a meeting");
        await page.GetByTestId("coverage-link").ClickAsync();
        await Expect(page.GetByTestId("gaps")).Not.ToContainTextAsync("Learning");
        await AssertAccessibleAsync(page);

        // The team manager sees the month counted, and each figure leads to its rows.
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager, "teammanager@demo.example");

        await manager.OpenAsync("/team");
        await Expect(manager.GetByTestId("figure-no-contact")).ToContainTextAsync("open cases with no contact for more than 21 days");
        await AssertAccessibleAsync(manager);
        await manager.GetByTestId("team-work-link").ClickAsync();

        // Three contacts attended and one missed on Siân's cases (the rearranged one is not counted): 25% not attended.
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "The team's work", Level = 1 })).ToBeVisibleAsync();
        var sian = manager.GetByTestId("attendance-row").Filter(new() { HasText = "Siân Evans" });
        await Expect(sian.GetByTestId("attendance-rate")).ToHaveTextAsync("25%");
        var boxing = manager.GetByTestId("intervention-row").Filter(new() { HasText = "Rhondda Boxing Club" });
        await Expect(boxing.GetByTestId("intervention-started")).ToHaveTextAsync("1");
        await Expect(boxing.GetByTestId("intervention-completed")).ToHaveTextAsync("1");
        await Expect(manager.GetByTestId("figure-onward-waiting")).ToContainTextAsync("median wait 28 days");
        await AssertAccessibleAsync(manager);

        // Each figure leads to the rows it counts.
        await sian.GetByTestId("attendance-missed").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Contacts not attended", Level = 1 })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("contact-item")).ToHaveCountAsync(1);
        await Expect(manager.GetByTestId("contact-item")).ToContainTextAsync("Dafydd");
        await AssertAccessibleAsync(manager);

        await manager.GoBackPageAsync();
        await manager.GetByTestId("onward-row").Filter(new() { HasText = "CAMHS and emotional health" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(manager.GetByTestId("onward-item")).ToContainTextAsync("Dafydd");
        await Expect(manager.GetByTestId("days-waited")).ToHaveTextAsync("28");
        await AssertAccessibleAsync(manager);

        await manager.GoBackPageAsync();
        await boxing.GetByTestId("intervention-completed").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(manager.GetByTestId("intervention-item")).ToContainTextAsync("Dafydd");
        await AssertAccessibleAsync(manager);

        await manager.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString("/team/work")}");
        await Expect(manager.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Gwaith y tîm", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager);
    }

    /// <summary>
    /// Dai's contacts, recorded by his case manager in Welsh with the page checks on each page, each a session of his
    /// boxing: home visits 28 and 12 days ago, a missed one 21 days ago, and one two days ago rearranged to tomorrow (a
    /// new date must be ahead).
    /// </summary>
    private static async Task RecordContactsInWelshAsync(IPage page, Guid caseId, DateOnly today)
    {
        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString($"/cases/{caseId}/contacts")}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cysylltiadau", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await RecordContactInWelshAsync(page, today.AddDays(-28), "Wedi mynychu", "Siarad am beth mae Dai eisiau o'r gwaith.");
        await RecordContactInWelshAsync(page, today.AddDays(-21), "Heb fynychu", "Doedd Dai ddim adref.");
        await RecordContactInWelshAsync(page, today.AddDays(-12), "Wedi mynychu", "Cwrdd yn y clwb bocsio.");

        // Two days ago Mam was ill: rearranged to tomorrow, which then shows as the next contact.
        await RecordContactInWelshAsync(page, today.AddDays(-2), "Wedi'i aildrefnu", "Roedd Mam yn sâl.", async () =>
        {
            await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Dyddiad newydd" }), today.AddDays(1));
            await page.GetByLabel("Amser newydd").FillAsync("16:00");
        });
        await page.GetByTestId("next-contact").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("contact-outcome")).ToHaveTextAsync("Wedi'i gynllunio");
        await page.ReloadPageAsync();
        await AssertAccessibleAsync(page);

        await page.OpenAsync($"/language/en-GB?returnUrl={Uri.EscapeDataString($"/cases/{caseId}/contacts")}");
        await Expect(page.GetByTestId("contact-row")).ToHaveCountAsync(5);
    }

    private static async Task RecordContactInWelshAsync(IPage page, DateOnly day, string outcome, string summary, Func<Task>? rearrange = null)
    {
        await page.GetByTestId("record-contact").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cofnodi cyswllt", Level = 1 })).ToBeVisibleAsync();
        await page.ReloadPageAsync();
        await FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = "Dyddiad", Exact = true }), day);
        await page.GetByLabel("Ymweliad cartref", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Crynodeb").FillAsync(summary);
        await page.GetByLabel("Mentora (Rhondda Boxing Club)").CheckAsync();
        if (rearrange is not null)
        {
            // The new date is asked for only once "rearranged" is chosen.
            await Expect(page.GetByLabel("Amser newydd")).ToBeHiddenAsync();
        }

        await page.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        if (rearrange is not null)
        {
            await rearrange();
        }

        await AssertAccessibleAsync(page);
        await page.GetByTestId("save-contact").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("Mae'r cyswllt wedi'i gofnodi.");
        await Expect(page.GetByTestId("contacts")).ToContainTextAsync(summary);
        await page.ReloadPageAsync();
        await AssertAccessibleAsync(page);
    }
}
