using System.Globalization;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>The contact pages (issue 17, point 1), on both databases: one quick page, the list, and need to know.</summary>
public abstract class ContactPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Yesterday(string part)
    {
        var day = DateTime.UtcNow.AddDays(-1);
        return (part switch { "d" => day.Day, "m" => day.Month, _ => day.Year }).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid caseId, params (string Name, string Value)[] fields)
    {
        var form = await client.GetStringAsync($"/cases/{caseId}/contacts/new");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"FormKey\" value=\"([^\"]+)\"").Groups[1].Value;
        (string Name, string Value)[] usual = [("FormKey", key), ("DayDay", Yesterday("d")), ("DayMonth", Yesterday("m")), ("DayYear", Yesterday("y")), ("Time", "14:30"), ("LengthMinutes", "45"), ("ChildTookPart", "true")];
        return await client.PostAsync($"/cases/{caseId}/contacts/new", AppFactory.Form(form, [.. usual.Where(u => fields.All(f => f.Name != u.Name)), .. fields]));
    }

    [SkippableFact]
    public async Task NewContact_OffersWhatIsUsual_AnHourWithTheChildByMeAttended()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        var html = await caseManager.GetStringAsync($"/cases/{caseId}/contacts/new");

        Assert.Matches("id=\"LengthMinutes\"[^>]*value=\"60\"", html);
        Assert.Matches("id=\"ChildTookPart\"[^>]*checked", html);
        Assert.Matches("id=\"Outcome-2\"[^>]*value=\"Attended\"[^>]*checked", html);
        Assert.Matches("type=\"checkbox\" value=\"[^\"]+\" checked=\"checked\">\\s*<label[^>]*>Siân Evans</label>", html);
        Assert.Contains("PC Rhys Davies", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"work-nav\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RecordContact_AsCaseManagerAndAsThePoliceOfficer_BothListedNewestFirstWithTheirOutcome()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync("practitioner@demo.example");
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        var first = await RecordAsync(caseManager, caseId, ("Kind", "HomeVisit"), ("Outcome", "Attended"), ("Summary", "Talked about the new school."), ("SensitiveNotes", "Worry about an older cousin."));
        var second = await RecordAsync(police, caseId, ("Kind", "Community"), ("Outcome", "DidNotAttend"), ("Time", "18:00"), ("Summary", "Not at the youth club."));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var list = WebUtility.HtmlDecode(await police.GetStringAsync($"/cases/{caseId}/contacts"));
        Assert.True(list.IndexOf("Not at the youth club.", StringComparison.Ordinal) < list.IndexOf("Talked about the new school.", StringComparison.Ordinal), "The newest contact is not first.");
        Assert.Contains("Did not attend", list, StringComparison.Ordinal);
        Assert.DoesNotContain("older cousin", list, StringComparison.Ordinal);
        var missed = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts?outcome=DidNotAttend"));
        Assert.DoesNotContain("Talked about the new school.", missed, StringComparison.Ordinal);
        Assert.Contains("Not at the youth club.", missed, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ContactPage_SeenByThePoliceOfficer_ShowsTheSummaryNotTheSensitiveNotes()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync("practitioner@demo.example");
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        await RecordAsync(caseManager, caseId, ("Kind", "Office"), ("Outcome", "Attended"), ("Summary", "Planned the month."), ("SensitiveNotes", "Dad's court date."));
        var contactId = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts")).GetProperty("contacts").GetProperty("items")[0].GetProperty("id").GetGuid();

        var forPolice = WebUtility.HtmlDecode(await police.GetStringAsync($"/cases/{caseId}/contacts/{contactId}"));
        var forTeam = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts/{contactId}"));

        Assert.Contains("Planned the month.", forPolice, StringComparison.Ordinal);
        Assert.DoesNotContain("court date", forPolice, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"change-form\"", forPolice, StringComparison.Ordinal);
        Assert.Contains("Dad's court date.", forTeam, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task RecordContact_MissingAnswers_ShowsEachRuleBesideItsField()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        var answer = await RecordAsync(caseManager, caseId, ("Time", "25:99"), ("Outcome", "Cancelled"));
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<title>Error:", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Time\">The time must be a real time, like 14:30.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Kind\">Choose what kind of contact it was.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#CancelReason\">Say why the contact was cancelled.</a>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ContactPages_InWelsh_SpeakWelsh()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        await caseManager.GetAsync("/language/cy-GB?returnUrl=%2F");

        var form = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts/new"));
        var list = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts"));

        Assert.Contains("Cofnodi cyswllt", form, StringComparison.Ordinal);
        Assert.Contains("Pwy gymerodd ran", form, StringComparison.Ordinal);
        Assert.Contains("Nid oes cysylltiadau wedi'u cofnodi yma eto.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Record a contact", form, StringComparison.Ordinal);
    }
}

public sealed class SqliteContactPageTests(SqliteAppFactory factory) : ContactPageTests<SqliteAppFactory>(factory);

public sealed class PostgresContactPageTests(PostgresAppFactory factory) : ContactPageTests<PostgresAppFactory>(factory);

public sealed class SqlServerContactPageTests(SqlServerAppFactory factory) : ContactPageTests<SqlServerAppFactory>(factory);
