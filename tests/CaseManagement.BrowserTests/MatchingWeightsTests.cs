using CaseManagement.Application.Matching;
using CaseManagement.Domain.Children;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The matching weights page (issue 18, docs/decisions/0066) in a real browser: an administrator re-estimates the
/// weights from a seeded register (the job runs on the app's own scheduler), sees the proposal beside the weights in
/// use, and puts it in use; axe-core and the page checks in English and Welsh.
/// </summary>
public sealed class MatchingWeightsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Administrator_ReestimatesFromTheRegister_AndActivatesTheProposal()
    {
        var page = await fixture.NewPageAsync();
        await SeedRegisterAsync();
        await fixture.SignInAsync(page, "admin@demo.example");

        await page.OpenAsync("/admin/matching");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching weights", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("link-threshold")).ToContainTextAsync("99.629%");
        await Expect(page.GetByTestId("in-use")).ToHaveTextAsync("The configured weights: none learned from the register is in use.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Re-estimate the weights" }).ClickAsync();
        await Expect(page.GetByTestId("matching-banner")).ToContainTextAsync("The re-estimation has started");

        // The job runs in the background: the page shows the proposal once it has finished (seconds at this size).
        for (var attempt = 0; attempt < 30 && await page.GetByTestId("proposed-heading").CountAsync() == 0; attempt++)
        {
            await Task.Delay(1000);
            await page.ReloadPageAsync();
        }

        await Expect(page.GetByTestId("proposed-heading")).ToHaveTextAsync("Proposed weights, version 1");
        var dateOfBirth = page.Locator("[data-testid=proposed-level][data-field=DateOfBirth][data-level=Exact]");
        await Expect(dateOfBirth).ToContainTextAsync("Date of birth");
        await Expect(dateOfBirth.Locator("td").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1 in [0-9.,]+ true pairs, 1 in [0-9.,]+ random pairs, weight \\+[0-9.]+$"));
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, "axe-core found on /admin/matching:\n" + string.Join("\n", violations));

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the proposed weights" }).ClickAsync();
        await Expect(page.GetByTestId("matching-banner")).ToContainTextAsync("The proposed weights are now used for every new referral.");
        await Expect(page.GetByTestId("in-use")).ToHaveTextAsync("Version 1, learned from the register");
        await Expect(page.Locator("[data-testid=history-row][data-state=Active]")).ToHaveCountAsync(1);

        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString("/admin/matching")}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "cy");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pwysau paru", Level = 1 })).ToBeVisibleAsync();
        violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, "axe-core found on /admin/matching in Welsh:\n" + string.Join("\n", violations));
    }

    /// <summary>Enough children to learn from: a register of the demo team, names and dates from a fixed seed.</summary>
    private async Task SeedRegisterAsync()
    {
        if (!BrowserFixture.IsAvailable)
        {
            return;
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var teamId = await db.Teams.Select(t => t.Id).OrderBy(t => t).FirstAsync();
        string[] given = ["Aled", "Bethan", "Carys", "Dewi", "Eleri", "Gareth", "Heledd", "Ifan", "Llinos", "Math", "Nerys", "Peredur", "Rhian", "Sioned", "Tudur"];
        string[] family = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan", "Griffiths", "Parry", "Lloyd"];
        var random = new Random(2026);
        var now = DateTime.UtcNow;
        for (var i = 0; i < WeightEstimator.SmallestBatchToLearnFrom; i++)
        {
            db.Children.Add(Child.Register(teamId, new PersonDetails(
                given[random.Next(given.Length)],
                family[random.Next(family.Length)],
                null,
                new DateOnly(2009, 9, 1).AddDays(random.Next(3000)),
                i % 2 == 0 ? Sex.Female : Sex.Male,
                $"SA{random.Next(1, 99)} {random.Next(1, 9)}AB",
                PreferredLanguage.Welsh), now));
        }

        await db.SaveChangesAsync();
    }
}
