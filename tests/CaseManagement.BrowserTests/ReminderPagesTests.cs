using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Reminders;
using CaseManagement.Application.Reminders.Commands.SendReviewReminders;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>The notifications page and the administrators' jobs page in a real browser, with axe-core in both languages.</summary>
public sealed class ReminderPagesTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Notifications_ReminderDue_ShowsInTheHeaderAndIsMarkedRead()
    {
        var page = await fixture.NewPageAsync();
        await AddDueReviewAsync();
        await fixture.SignInAsync(page);

        var unread = int.Parse(System.Text.RegularExpressions.Regex.Match(await page.GetByTestId("unread-count").InnerTextAsync(), "[0-9]+").Value, System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByTestId("notifications-link").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Notifications", Level = 1 })).ToBeVisibleAsync();
        var unreadRows = page.Locator("[data-testid=notification][data-read=false]");
        await Expect(unreadRows).ToHaveCountAsync(unread);
        var row = unreadRows.Filter(new() { HasText = "A review is due by" }).First;
        await Expect(row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Open the case of ") })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/cases/"));
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark as read") }).ClickAsync();

        await Expect(unreadRows).ToHaveCountAsync(unread - 1);
        await Expect(page.Locator("[data-testid=notification][data-read=true]")).ToHaveCountAsync(1);
        if (unread == 1)
        {
            await Expect(page.GetByTestId("unread-count")).ToHaveCountAsync(0);
        }
        else
        {
            await Expect(page.GetByTestId("unread-count")).ToContainTextAsync((unread - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [SkippableFact]
    public async Task JobsPage_Administrator_RunsAJobNow()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "admin@demo.example");

        await page.OpenAsync("/admin/jobs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Background jobs", Level = 1 })).ToBeVisibleAsync();
        // Review reminders, e-mail dispatch, referral-draft clean-up, the retention review (issue 20), the partners'
        // webhook deliveries (issue 23), the re-estimation of the matching weights (decision 0089: started from the
        // matching page, which the card links to) and the re-keying of the register (decision 0083: no "Run now", the
        // children still waiting instead of a next run).
        await Expect(page.GetByTestId("job")).ToHaveCountAsync(7);
        var matchKeys = page.Locator("[data-testid=job][data-job=match-keys]");
        await Expect(matchKeys.GetByTestId("children-waiting")).ToBeVisibleAsync();
        await Expect(matchKeys.GetByTestId("run-now")).ToHaveCountAsync(0);
        var weights = page.Locator("[data-testid=job][data-job=matching-weights]");
        await Expect(weights.GetByRole(AriaRole.Link, new() { Name = "Go to the matching weights page" })).ToHaveAttributeAsync("href", "/admin/matching");
        await Expect(weights.GetByTestId("run-now")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run now Review reminders" }).ClickAsync();

        await Expect(page.GetByTestId("job-started-banner")).ToContainTextAsync("Review reminders has been started");
    }

    [SkippableTheory]
    [InlineData("/notifications", "casemanager@demo.example", "en-GB")]
    [InlineData("/notifications", "casemanager@demo.example", "cy-GB")]
    [InlineData("/admin/jobs", "admin@demo.example", "en-GB")]
    [InlineData("/admin/jobs", "admin@demo.example", "cy-GB")]
    public async Task Pages_HaveNoAccessibilityViolations(string path, string email, string culture)
    {
        var page = await fixture.NewPageAsync();
        await AddDueReviewAsync();
        await fixture.SignInAsync(page, email);

        await page.OpenAsync($"/language/{culture}?returnUrl={Uri.EscapeDataString(path)}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture[..2]);
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);

        Assert.True(violations.Count == 0, $"axe-core found on {path}:\n" + string.Join("\n", violations));
    }

    /// <summary>A case of the demo case manager with a review due in three days, and the reminder job's request sent.</summary>
    private async Task AddDueReviewAsync()
    {
        if (!BrowserFixture.IsAvailable)
        {
            return;
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var caseManager = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("casemanager@demo.example");
        var teamId = await db.Teams.Select(t => t.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var child = Child.Register(teamId, new PersonDetails("Nia", "Browsertest", null, new DateOnly(2013, 6, 1), Sex.Female, null, PreferredLanguage.Welsh), now);
        var @case = ChildCase.Open(teamId, child.Id, now, null);
        @case.Allocate(caseManager!.Id, now, null, DateOnly.FromDateTime(now).AddDays(3), 42);
        db.Children.Add(child);
        db.Cases.Add(@case);
        await db.SaveChangesAsync();

        await using var job = fixture.Services.CreateAsyncScope();
        job.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
        await job.ServiceProvider.GetRequiredService<IMediator>().Send(new SendReviewReminders());
    }
}
