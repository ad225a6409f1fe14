using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.IntegrationTests.Api;

namespace CaseManagement.IntegrationTests.Pages;

/// <summary>
/// The home page as each role sees it on the demo data: the figures of their own work, each with the list behind it,
/// in the right number ("1 referral", "2 referrals") and language, and nothing counted that they may not see.
/// </summary>
public abstract partial class HomePageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [SkippableFact]
    public async Task Home_CaseManager_ShowsTheirCasesReviewsAndAssessmentsReturned()
    {
        using var caseManager = await factory.SignedInAsync();
        using var manager = await factory.SignedInAsync("teammanager@demo.example");

        var before = await caseManager.GetStringAsync("/");
        Assert.Equal(("1", "case you work on", "/cases?show=mine"), Figure(before, "figure-my-cases"));
        Assert.Equal(("0", "assessments returned to you"), Unlinked(before, "figure-returned"));
        Assert.DoesNotContain("figure-screening", before, StringComparison.Ordinal);
        Assert.DoesNotContain("referrals-by-status", before, StringComparison.Ordinal);

        // Siân's case: a review in three days, and an assessment the team manager returns with comments.
        var dafydd = (await caseManager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Mine")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/cases/{dafydd}/next-review", new { due })).StatusCode);
        var assessment = (await (await caseManager.PostAsync($"/api/v1/cases/{dafydd}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssessmentApiTests<TFactory>.CompleteAsync(caseManager, assessment);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{assessment}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/assessments/{assessment}/return", new { comments = "Say more about school." })).StatusCode);

        var after = await caseManager.GetStringAsync("/");
        var (number, label, href) = Figure(after, "figure-my-reviews-due");
        Assert.Equal(("1", "review due in the next 7 days"), (number, label));
        Assert.StartsWith("/cases?show=reviewsduethisweek&manager=", href, StringComparison.Ordinal);
        Assert.Equal(("1", "assessment returned to you", "#returned"), Figure(after, "figure-returned"));
        Assert.Contains($"href=\"/assessments/{assessment}\"", Section(after, "returned-list"), StringComparison.Ordinal);

        // The figure's link opens the list it counts.
        var list = await caseManager.GetStringAsync(href);
        Assert.Contains($"/cases/{dafydd}", list, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Home_TeamManager_CountsTheReferralsReallyInScreening_InBothLanguages()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");

        var html = await manager.GetStringAsync("/");

        // The demo referrals linked to a child wait in "Screening" (none is left "Received"): the figure is the list's length.
        var inScreening = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/referrals?status=Screening&pageSize=1")).GetProperty("totalCount").GetInt32();
        Assert.True(inScreening > 1);
        Assert.Equal((inScreening.ToString(CultureInfo.InvariantCulture), "referrals waiting for screening", "/screening?status=Screening"), Figure(html, "figure-screening"));
        // Meg, and Cerys, whose twin Ffion shares her home and date of birth (a twin or the same child: decision 0077).
        Assert.Equal(("2", "referrals waiting for a duplicate decision", "/screening?status=AwaitingDuplicateDecision"), Figure(html, "figure-duplicates"));
        Assert.Equal(("1", "case without a case manager", "/cases?show=unallocated"), Figure(html, "figure-unallocated"));
        Assert.Equal("/assessments/awaiting-countersignature", Figure(html, "figure-countersign").Href);
        Assert.Equal("/cases?show=reviewsoverdue", Figure(html, "figure-team-overdue").Href);
        Assert.DoesNotContain("1 referrals", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync("/language/cy-GB?returnUrl=%2F")).StatusCode);
        var welsh = await manager.GetStringAsync("/");
        Assert.Equal("atgyfeiriad yn aros am benderfyniad dyblyg", Figure(welsh, "figure-duplicates").Label);
        Assert.Equal("achos heb reolwr achos", Figure(welsh, "figure-unallocated").Label);
    }

    [SkippableFact]
    public async Task Home_Referrer_ShowsOnlyTheirOwnReferralsAndWhatHappened()
    {
        using var referrer = await factory.SignedInAsync("referrer@demo.example");

        var html = await referrer.GetStringAsync("/");

        // Anna sent one of the demo referrals (Ffion's, in screening); the figures are hers, and nothing counts the team's children or cases.
        var sent = (await referrer.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32();
        var byStatus = Section(html, "referrals-by-status");
        var counted = LinkedCounts().Matches(byStatus).Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(1, sent);
        Assert.Equal(sent, counted);
        Assert.Contains("href=\"/referrals?status=Screening\">1 referral being screened<", byStatus, StringComparison.Ordinal);
        foreach (var hidden in new[] { "figure-my-cases", "figure-screening", "figure-unallocated", "children known", "duplicate" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("href=\"/referrals/new\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Home_SecondedPractitioner_ShowsTheCaseTheyAreOn_AndTheirReferrals()
    {
        using var officer = await factory.SignedInAsync("practitioner@demo.example");

        var html = await officer.GetStringAsync("/");

        Assert.Equal(("1", "case you work on", "/cases?show=mine"), Figure(html, "figure-my-cases"));
        Assert.Contains(">2 referrals accepted<", Section(html, "referrals-by-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("figure-screening", html, StringComparison.Ordinal);
        Assert.DoesNotContain("figure-returned", html, StringComparison.Ordinal);

        // The figure's list holds the case: the officer is on it.
        var list = await officer.GetStringAsync("/cases?show=mine");
        Assert.DoesNotContain("There are no cases here", list, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("admin@demo.example", "admin-links", "/admin/users")]
    [InlineData("auditor@demo.example", "audit-links", "/audit")]
    public async Task Home_AdministratorOrAuditor_ShowsWhatTheyDo_AndNoCounts(string email, string testId, string link)
    {
        using var client = await factory.SignedInAsync(email);

        var html = await client.GetStringAsync("/");

        Assert.Contains($"href=\"{link}\"", Section(html, testId), StringComparison.Ordinal);
        Assert.DoesNotContain("app-figure", html, StringComparison.Ordinal);
        Assert.DoesNotContain("referrals-by-status", html, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("casemanager@demo.example", "mine")]
    [InlineData("practitioner@demo.example", "mine")]
    [InlineData("teammanager@demo.example", "waiting")]
    public async Task Cases_Opens_OnTheListThePersonWorksFrom(string email, string expected)
    {
        using var client = await factory.SignedInAsync(email);

        var html = await client.GetStringAsync("/cases");

        Assert.Matches($"aria-current=\"page\" href=\"/cases\\?show={expected}\"", html);
        if (expected == "mine")
        {
            // Dafydd's case: Siân manages it and the police officer is on it.
            Assert.Contains("data-testid=\"case-table\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("There are no cases here", html, StringComparison.Ordinal);
        }
    }

    /// <summary>A figure's number, words and link, as the page shows them.</summary>
    private static (string Number, string Label, string Href) Figure(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">\\s*<a class=\"govuk-link app-figure__link\" href=\"(?<href>[^\"]*)\">\\s*<span class=\"app-figure__number\">(?<n>[^<]*)</span>\\s*<span class=\"app-figure__label\">(?<label>[^<]*)</span>");
        Assert.True(match.Success, $"No linked figure {testId} on the page.");
        return (match.Groups["n"].Value, WebUtility.HtmlDecode(match.Groups["label"].Value), WebUtility.HtmlDecode(match.Groups["href"].Value));
    }

    /// <summary>A figure shown without a link (nothing to list).</summary>
    private static (string Number, string Label) Unlinked(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\">\\s*<span class=\"app-figure__number\">(?<n>[^<]*)</span>\\s*<span class=\"app-figure__label\">(?<label>[^<]*)</span>");
        Assert.True(match.Success, $"No unlinked figure {testId} on the page.");
        return (match.Groups["n"].Value, WebUtility.HtmlDecode(match.Groups["label"].Value));
    }

    /// <summary>The element with the test id, up to its closing tag.</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No {testId} on the page.");
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<a class=\"govuk-link\" href=\"/referrals\\?status=\\w+\">(?<n>\\d+) ")]
    private static partial Regex LinkedCounts();
}

public sealed class SqliteHomePageTests(SqliteAppFactory factory) : HomePageTests<SqliteAppFactory>(factory);

public sealed class PostgresHomePageTests(PostgresAppFactory factory) : HomePageTests<PostgresAppFactory>(factory);

public sealed class SqlServerHomePageTests(SqlServerAppFactory factory) : HomePageTests<SqlServerAppFactory>(factory);
