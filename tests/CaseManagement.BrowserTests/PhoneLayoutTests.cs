using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The administrators' pages and the fairness view as a phone shows them (375 px), in English and in Welsh (decision
/// 0074): the page's own heading on the first screen with the administration menu folded behind a button, a board with
/// no meetings and a period with no closed work said in words, the fairness tables within the screen's width, and the
/// busy page. Every page through PageChecks and axe-core. With CASEMGMT_SCREENSHOTS naming a folder, each page is kept
/// as a picture for a person to look at.
/// </summary>
public sealed class PhoneLayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int PhoneHeight = 667;

    private static readonly string[] AdminPages = ["users", "teams", "agencies", "jobs", "clients", "retention", "subject-access", "webhooks", "board", "matching"];

    private static readonly (string Culture, string Menu, string NoMeetings, string NoWork)[] Languages =
    [
        ("en-GB", "Administration menu", "No meetings of this board have been recorded yet.", "No work closed in this period, so there is nothing to show."),
        ("cy-GB", "Dewislen weinyddu", "Does dim cyfarfodydd o'r bwrdd hwn wedi'u cofnodi eto.", "Ni chaewyd unrhyw waith yn y cyfnod hwn, felly does dim i'w ddangos."),
    ];

    [SkippableFact]
    public async Task Administrator_OnAPhone_SeesEachPagesHeadingFirstAndOpensTheMenuWhenWanted()
    {
        var page = await PhoneAsync("admin@demo.example");
        foreach (var (culture, menu, noMeetings, _) in Languages)
        {
            await page.OpenAsync($"/language/{culture}?returnUrl=%2Fadmin%2Fusers");
            foreach (var path in AdminPages)
            {
                await page.OpenAsync($"/admin/{path}");
                await ShotAsync(page, culture);
                var heading = await page.GetByTestId("page-heading").BoundingBoxAsync();
                Assert.True(heading is { } h && h.Y + h.Height <= PhoneHeight, $"/admin/{path} ({culture}): the heading is below the first screen ({heading?.Y} px)");
                var toggle = page.GetByRole(AriaRole.Button, new() { Name = menu, Exact = true });
                await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
                await Expect(page.GetByTestId("admin-navigation-list")).ToBeHiddenAsync();
                await AssertAccessibleAsync(page, $"/admin/{path} ({culture})");

                await toggle.ClickAsync();
                await Expect(page.GetByTestId("admin-navigation-list").Locator("a[aria-current=page]")).ToHaveAttributeAsync("href", $"/admin/{path}");
            }

            // A team whose board has never met: said in words, not as a table with a header and no rows.
            await page.OpenAsync("/admin/board");
            await Expect(page.GetByTestId("board-none")).ToHaveTextAsync(noMeetings);
            await Expect(page.GetByTestId("board-meetings")).ToHaveCountAsync(0);
        }
    }

    [SkippableFact]
    public async Task Manager_OnAPhone_ReadsTheFairnessViewWithAndWithoutClosedWork()
    {
        await CloseWorkTodayAsync(12);
        var page = await PhoneAsync("teammanager@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (culture, _, _, noWork) in Languages)
        {
            await page.OpenAsync($"/language/{culture}?returnUrl=%2Freports%2Ffairness");

            // A period in which no work closed: said so, with none of the fifteen tables of zeros.
            await page.OpenAsync("/reports/fairness?FromDay=1&FromMonth=1&FromYear=2001&ToDay=31&ToMonth=3&ToYear=2001");
            await ShotAsync(page, culture);
            await Expect(page.GetByTestId("fairness-none")).ToHaveTextAsync(noWork);
            await Expect(page.Locator("table")).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page, $"fairness with no work ({culture})");

            // Today's closed work: every table fits the phone's width, with nothing to scroll sideways inside it either.
            await page.OpenAsync($"/reports/fairness?FromDay=1&FromMonth=1&FromYear={today.Year}&ToDay={today.Day}&ToMonth={today.Month}&ToYear={today.Year}");
            await ShotAsync(page, culture);
            await Expect(page.Locator("table")).ToHaveCountAsync(15);
            var scrolling = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.app-table-scroll')].filter(s => s.scrollWidth > s.clientWidth + 1).map(s => `${s.getAttribute('aria-label')} (${s.scrollWidth} px in ${s.clientWidth} px)`)");
            Assert.True(scrolling.Length == 0, $"fairness tables that scroll sideways at 375 px ({culture}):\n" + string.Join("\n", scrolling));
            await AssertAccessibleAsync(page, $"fairness ({culture})");
        }
    }

    [SkippableFact]
    public async Task CaseManager_OnAPhone_ReadsAPossibleMatchsEvidenceWithoutScrollingSideways()
    {
        // Meg Lewis may be Megan Thomas-Lewis: the evidence says, field by field, how the two agree and how strongly, and
        // the match is a probability with its band (decision 0084).
        var page = await PhoneAsync("casemanager@demo.example");
        foreach (var (culture, nickname, weight, likely) in new[]
        {
            ("en-GB", "Nickname or Welsh/English equivalent", "Evidence", "% likely to be this child: for a person to check"),
            ("cy-GB", "Llysenw neu gyfwerth Cymraeg/Saesneg", "Tystiolaeth", "% yn debygol o fod y plentyn hwn: i berson ei wirio"),
        })
        {
            await page.OpenAsync($"/language/{culture}?returnUrl=%2Freferrals");
            await page.GetByRole(AriaRole.Link, new() { Name = "R-DEMO-0097", Exact = true }).ClickAsync();
            await page.WaitForReadyAsync();
            await ShotAsync(page, culture);
            var evidence = page.GetByTestId("match-evidence");
            var scrolling = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('.app-table-scroll')].filter(s => s.querySelector('[data-testid=match-evidence]') && s.scrollWidth > s.clientWidth + 1).map(s => `${s.scrollWidth} px in ${s.clientWidth} px`)");
            Assert.True(scrolling.Length == 0, $"the match's evidence scrolls sideways at 375 px ({culture}): " + string.Join(", ", scrolling));
            var agreement = await evidence.GetByText(nickname, new() { Exact = true }).BoundingBoxAsync();
            Assert.True(agreement is { } a && a.X >= 0 && a.X + a.Width <= PageChecks.PhoneWidth, $"the first name's agreement is outside the screen ({culture}): x {agreement?.X}, width {agreement?.Width}");
            await Expect(evidence.GetByText(weight, new() { Exact = true }).First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("match-score").First).ToContainTextAsync(likely);
            await AssertAccessibleAsync(page, $"a possible match ({culture})");
        }
    }

    [SkippableFact]
    public async Task BusyPage_OnAPhone_SaysWhatHappenedInEachLanguage()
    {
        // As drawn for a person whose sign-in could not be checked (BusyPageTests makes the database busy for real).
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(PageChecks.PhoneWidth, PhoneHeight);
        foreach (var (culture, title, saved) in new[]
        {
            ("en-GB", "Sorry, the service is busy", "Nothing you have saved has been lost. Try again in a minute."),
            ("cy-GB", "Mae'n ddrwg gennym, mae'r gwasanaeth yn brysur", "Does dim byd rydych chi wedi'i gadw wedi'i golli. Rhowch gynnig arall arni ymhen munud."),
        })
        {
            await page.OpenAsync($"/language/{culture}?returnUrl=%2Ferror%2F503");
            await ShotAsync(page, culture);
            await Expect(page.GetByTestId("page-heading")).ToHaveTextAsync(title);
            await Expect(page.GetByTestId("busy-saved")).ToHaveTextAsync(saved);
            await AssertAccessibleAsync(page, $"the busy page ({culture})");
        }
    }

    /// <summary>A signed-in page the size of a small phone.</summary>
    private async Task<IPage> PhoneAsync(string email)
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, email);
        await page.SetViewportSizeAsync(PageChecks.PhoneWidth, PhoneHeight);
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core or the page checks found on {what}:\n" + string.Join("\n", violations));
    }

    /// <summary>Children of the demo team whose work closed today, enough for the tables to show counts.</summary>
    private async Task CloseWorkTodayAsync(int count)
    {
        if (!BrowserFixture.IsAvailable)
        {
            return;
        }

        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var teamId = await db.Teams.OrderBy(t => t.Name).Select(t => t.Id).FirstAsync();
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var child = Child.Register(teamId, new PersonDetails("Elin", $"Ffôn{(char)('A' + i)}", null, DateOnly.FromDateTime(now).AddYears(-13), i % 2 == 0 ? Sex.Female : Sex.Male, "CF37 2AA", PreferredLanguage.Welsh), now.AddDays(-40));
            var work = ChildCase.Open(teamId, child.Id, now.AddDays(-40), null);
            work.Close(ClosureReason.NoLongerNeeded, DateOnly.FromDateTime(now), [], null, now, null);
            db.AddRange(child, work);
        }

        await db.SaveChangesAsync();
    }

    private int _shots;

    /// <summary>With CASEMGMT_SCREENSHOTS naming a folder, keeps the whole page there as a phone shows it.</summary>
    private async Task ShotAsync(IPage page, string culture)
    {
        if (Environment.GetEnvironmentVariable("CASEMGMT_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        // In pieces a screen or two long: a long page whole is too narrow to read once it is made to fit a display.
        Directory.CreateDirectory(folder);
        var name = $"{++_shots:D2}-{culture}-{new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '-')}";
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (var top = 0; top < height; top += 2 * PhoneHeight)
        {
            var clip = new Clip { X = 0, Y = top, Width = PageChecks.PhoneWidth, Height = Math.Min(2 * PhoneHeight, height - top) };
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{top / (2 * PhoneHeight) + 1}.png"), FullPage = true, Clip = clip });
        }
    }
}
