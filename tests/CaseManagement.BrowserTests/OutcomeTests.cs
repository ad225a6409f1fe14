using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Outcomes in a real browser (issue 19): the indicators recorded at the start and the end on a form that asks only
/// what the record does not answer; then the manager finds the child's change in the quarterly return and its list,
/// and reads the cohort outcome report and the fairness view, in English and in Welsh.
/// </summary>
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

    /// <summary>
    /// Ten other children of the team whose work ended today, so the return's figures are large enough to show: five
    /// in suitable accommodation from the start, five only by the end; none with a victim, no education offered.
    /// </summary>
    private async Task OtherChildrenOfTheQuarterAsync(Guid teamId)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        KpiAnswers Answers(bool suitable) => new(suitable, 0, 0, LearningNeedsStatus.NoNeedsIdentified, SupportNeedStatus.NoNeed, SupportNeedStatus.NoNeed, ChildrensServicesStatus.None, false, VictimStatus.NoIdentifiedVictim);
        for (var i = 0; i < 10; i++)
        {
            var child = Child.Register(teamId, new PersonDetails("Nia", $"Prawf{(char)('A' + i)}", null, today.AddYears(-14), Sex.Female, "CF37 2AA", PreferredLanguage.English), now.AddHours(-1));
            var work = ChildCase.Open(teamId, child.Id, now.AddHours(-1), null);
            var atStart = KpiRecord.Record(work, [], KpiStage.Start, today, Answers(i < 5), now, null);
            db.AddRange(child, work, atStart, KpiRecord.Record(work, [atStart], KpiStage.End, today, Answers(true), now, null));
        }

        await db.SaveChangesAsync();
    }

    private int _shots;

    /// <summary>
    /// With CASEMGMT_SCREENSHOTS naming a folder, keeps each report page as a phone shows it, for a person to look at
    /// (tables that scroll, captions, wrapping); PageChecks and axe-core are what the test asserts.
    /// </summary>
    private async Task ShotAsync(IPage page)
    {
        if (Environment.GetEnvironmentVariable("CASEMGMT_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(folder);
        var size = page.ViewportSize;
        await page.SetViewportSizeAsync(PageChecks.PhoneWidth, 800);
        var name = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-');
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{++_shots:D2}-{name}.png"), FullPage = true });
        if (size is not null)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
        }
    }

    [SkippableFact]
    public async Task CaseManager_RecordsTheIndicatorsAtStartAndEnd_AndTheManagerFindsTheChildInTheReports()
    {
        var page = await fixture.NewPageAsync();
        var caseId = await WorkSteps.AssessedCaseAsync(fixture);
        await fixture.SignInAsync(page);

        // Referred on to CAMHS: with the assessment's learning needs, two indicators the record already answers.
        await page.OpenAsync($"/cases/{caseId}/onward-referrals");
        await WorkSteps.ReferOnAsync(page, "CAMHS and emotional health", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3));
        await page.GetByTestId("work-nav").GetByRole(AriaRole.Link, new() { Name = "Outcomes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outcomes", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-kpis")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // The form asks only what the record does not answer, and says where the rest came from.
        await page.GetByTestId("record-kpis").ClickAsync();
        await Expect(page.GetByTestId("known-learning-needs")).ToHaveTextAsync("Special educational or additional learning needs: No needs identified (from the assessment)");
        await Expect(page.GetByTestId("known-mental-health")).ToHaveTextAsync("Mental health and emotional wellbeing: Referred (from the onward referrals)");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Special educational or additional learning needs" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Mental health and emotional wellbeing" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Substance use" })).ToBeVisibleAsync();

        // The empty form explains itself.
        await page.GetByTestId("save-kpis").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Choose when the indicators are recorded.");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        await RecordAsync(page, "Start of the work", false, 20, 10, "Contacted");
        await RecordAsync(page, "End of the work", true, 20, 20, "Took part");
        await Expect(page.GetByTestId("kpi-education")).ToHaveTextAsync(["10 of 20 hours", "20 of 20 hours"]);
        await Expect(page.GetByTestId("kpi-mental-health")).ToHaveTextAsync(["Referred", "Referred"]);
        await AssertAccessibleAsync(page);

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var teamId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.Where(c => c.Id == caseId).Select(c => c.TeamId).SingleAsync();
            await OtherChildrenOfTheQuarterAsync(teamId);
        }

        // The manager's return for this quarter: eleven children. Dai moved into suitable accommodation, so he is one of
        // the eleven at the end and not one of the five at the start; one child's victim took part, a count hidden.
        var manager = await fixture.NewPageAsync();
        await fixture.SignInAsync(manager, "teammanager@demo.example");
        await manager.OpenAsync("/team/outcomes");
        await manager.GetByTestId("kpi-report").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Quarterly key performance indicator return", Level = 1 })).ToBeVisibleAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await manager.GetByLabel("Year").FillAsync($"{today.Year}");
        await ChooseAsync(manager, "Quarter", Quarters[(today.Month - 1) / 3]);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Show the figures" }).ClickAsync();
        await Expect(manager.GetByTestId("kpi-period")).ToContainTextAsync("Children whose work with the team ended in the quarter: 11.");
        var accommodation = manager.GetByTestId("kpi-Accommodation-Suitable");
        await Expect(accommodation.GetByTestId("start")).ToHaveTextAsync("5");
        await Expect(accommodation.GetByTestId("end")).ToHaveTextAsync("11");
        await Expect(manager.GetByTestId("kpi-Victims-TookPart").GetByTestId("end")).ToHaveTextAsync("fewer than 5");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);

        // Every figure shown links to its children: Dai is among those at the end, not among those at the start.
        await accommodation.GetByTestId("end").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Suitable accommodation: In suitable accommodation", Level = 1 })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("kpi-children").GetByRole(AriaRole.Link)).ToHaveCountAsync(11);
        await Expect(manager.GetByTestId("kpi-children").GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        await manager.GetByTestId("kpi-Accommodation-Suitable").GetByTestId("start").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(manager.GetByTestId("kpi-children").GetByRole(AriaRole.Link)).ToHaveCountAsync(5);
        await Expect(manager.GetByTestId("kpi-children")).Not.ToContainTextAsync("Dafydd");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();

        // The cohort outcome report and the fairness view, from the return's links.
        await manager.GetByTestId("cohort-link").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Cohort outcome report", Level = 1 })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("cohort-outcomes")).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("distance-Health").GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Health");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);
        await manager.OpenAsync("/reports/kpi");
        await manager.GetByTestId("fairness-link").ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Fairness: waiting, interventions and outcomes by group", Level = 1 })).ToBeVisibleAsync();

        // No work closed last quarter: said in words (the tables with closed work are PhoneLayoutTests').
        await Expect(manager.GetByTestId("fairness-none")).ToHaveTextAsync("No work closed in this period, so there is nothing to show.");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);

        // The same in Welsh: the return's hidden count, then the two other reports.
        await manager.OpenAsync($"/reports/kpi?year={today.Year}&quarter={((today.Month - 1) / 3) + 1}");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();
        await Expect(manager.GetByTestId("kpi-Victims-TookPart").GetByTestId("end")).ToHaveTextAsync("llai na 5");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);
        await manager.OpenAsync("/reports/cohort");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Adroddiad canlyniadau carfan", Level = 1 })).ToBeVisibleAsync();
        await Expect(manager.GetByTestId("distance-Health").GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Iechyd");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);
        await manager.OpenAsync("/reports/fairness");
        await Expect(manager.GetByTestId("fairness-none")).ToHaveTextAsync("Ni chaewyd unrhyw waith yn y cyfnod hwn, felly does dim i'w ddangos.");
        await AssertAccessibleAsync(manager);
        await ShotAsync(manager);
    }
}
