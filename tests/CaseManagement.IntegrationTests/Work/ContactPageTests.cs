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
        Assert.Contains("<option value=\"DidNotAttend\" selected=\"selected\">", WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts?outcome=didnotattend")), StringComparison.Ordinal);

        // An outcome the list does not know is said at its field (decision 0118), not read as "any outcome".
        var unknown = await RefusedPages.SaidAtTheFieldAsync(caseManager, $"/cases/{caseId}/contacts?outcome=nonsense", "outcome", "Choose one of the outcomes.");
        Assert.DoesNotContain("Not at the youth club.", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-contacts\"", unknown, StringComparison.Ordinal);
        var welsh = await Welsh.PageAsync(caseManager, $"/cases/{caseId}/contacts?outcome=nonsense");
        Assert.Contains("<a href=\"#outcome\">Dewiswch un o'r canlyniadau.</a>", welsh, StringComparison.Ordinal);
        var api = await caseManager.GetAsync($"/api/v1/cases/{caseId}/contacts?outcome=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
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
    public async Task ContactForm_OffersTheInterventionsPlannedOrStarted_AndTheContactIsCountedAsTheirSession()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var kinds = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices")).GetProperty("kinds").EnumerateArray().ToList();
        Guid Kind(string name) => kinds.Single(k => k.GetProperty("nameEnglish").GetString() == name).GetProperty("id").GetGuid();
        var mentoring = await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = Kind("Mentoring"), providerName = "Valleys Mentoring Project" }));
        var stopped = await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = Kind("Parenting support"), providerName = "Family Centre" }));
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsJsonAsync($"/api/v1/interventions/{stopped}/status", new { status = "Stopped", on = WorkApi.Day(0), reason = "The family moved away" })).StatusCode);

        var form = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts/new"));
        Assert.Contains("Mentoring (Valleys Mentoring Project)", form, StringComparison.Ordinal);
        Assert.DoesNotContain("Family Centre", form, StringComparison.Ordinal);

        var answer = await RecordAsync(caseManager, caseId, ("Kind", "Community"), ("Outcome", "Attended"), ("Summary", "Boxing with the mentor."), ("InterventionIds", mentoring.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var contactId = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts")).GetProperty("contacts").GetProperty("items")[0].GetProperty("id").GetGuid();
        var contact = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/contacts/{contactId}"));
        Assert.Matches("data-testid=\"contact-interventions-served\">\\s*<a class=\"govuk-link\" href=\"/cases/[^/]+/interventions/" + mentoring + "\">Mentoring \\(Valleys Mentoring Project\\)</a>", contact);
        Assert.Matches("value=\"" + mentoring + "\" checked=\"checked\"", contact);
        var list = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/interventions"));
        Assert.Contains("1 of 1 attended", list, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OutcomeForm_WithItsOwnSummary_SaysAMissedContactWasAttendedAfterAll()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        await RecordAsync(caseManager, caseId, ("Kind", "HomeVisit"), ("Outcome", "DidNotAttend"));
        var contactId = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts")).GetProperty("contacts").GetProperty("items")[0].GetProperty("id").GetGuid();
        var address = $"/cases/{caseId}/contacts/{contactId}";
        var page = await caseManager.GetStringAsync(address);
        Assert.Matches("data-testid=\"outcome-form\"[^>]*>[\\s\\S]*name=\"OutcomeSummary\"[\\s\\S]*data-testid=\"save-outcome\"", page);

        var empty = WebUtility.HtmlDecode(await (await caseManager.PostAsync($"{address}?handler=Outcome", AppFactory.Form(page, ("Revision", "0"), ("Outcome", "Attended")))).Content.ReadAsStringAsync());
        Assert.Contains("<a href=\"#OutcomeSummary\">Write a short summary of the contact.</a>", empty, StringComparison.Ordinal);

        var saved = await caseManager.PostAsync($"{address}?handler=Outcome", AppFactory.Form(page, ("Revision", "0"), ("Outcome", "Attended"), ("OutcomeSummary", "Dai was at his nan's; we talked there.")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = WebUtility.HtmlDecode(await caseManager.GetStringAsync(address));
        Assert.Contains("data-testid=\"contact-outcome\">Attended<", shown, StringComparison.Ordinal);
        Assert.Contains("Dai was at his nan's; we talked there.", shown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OutcomeFields_WhoCancelledAndTheNewDate_AreRevealedUnderTheirOutcomeOnly()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        static string Between(string html, string from, string to)
        {
            var start = html.IndexOf(from, StringComparison.Ordinal);
            Assert.True(start >= 0, $"No {from} on the page.");
            var end = html.IndexOf(to, start, StringComparison.Ordinal);
            return end < 0 ? html[start..] : html[start..end];
        }

        var form = await caseManager.GetStringAsync($"/cases/{caseId}/contacts/new");
        var cancelled = Between(form, "id=\"Outcome-4-conditional\"", "id=\"Outcome-5\"");
        Assert.Contains("name=\"CancelledBy\"", cancelled, StringComparison.Ordinal);
        Assert.Contains("name=\"CancelReason\"", cancelled, StringComparison.Ordinal);
        Assert.DoesNotContain("app-reveal--open", cancelled, StringComparison.Ordinal);
        var rearranged = Between(form, "id=\"Outcome-5-conditional\"", "data-testid=\"save-contact\"");
        Assert.Contains("name=\"NewDayDay\"", rearranged, StringComparison.Ordinal);
        Assert.Contains("name=\"NewTime\"", rearranged, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"CancelReason\"", Between(form, "id=\"Outcome\"", "id=\"Outcome-4-conditional\""), StringComparison.Ordinal);

        // A rule broken under a choice keeps its fields open, with the rule's words beside them.
        var past = DateTime.UtcNow.AddDays(-1);
        var answer = WebUtility.HtmlDecode(await (await RecordAsync(
            caseManager, caseId, ("Kind", "HomeVisit"), ("Outcome", "Rearranged"), ("Summary", "Mam was ill."),
            ("NewDayDay", past.Day.ToString(CultureInfo.InvariantCulture)), ("NewDayMonth", past.Month.ToString(CultureInfo.InvariantCulture)), ("NewDayYear", past.Year.ToString(CultureInfo.InvariantCulture)), ("NewTime", "10:00"))).Content.ReadAsStringAsync());
        Assert.Matches("<a href=\"#NewDay[^\"]*\">The new date and time must be in the future.</a>", answer);
        Assert.Contains("app-reveal app-reveal--open\" id=\"Outcome-5-conditional\"", answer, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CasePage_WorkSoFar_ShowsTheLastAndNextContactAndLinksToTheWork()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var empty = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}"));
        Assert.Matches("data-testid=\"work-last-contact\">\\s*None yet", empty);

        await RecordAsync(caseManager, caseId, ("Kind", "HomeVisit"), ("Outcome", "Attended"), ("Summary", "Talked about school."));
        await RecordAsync(caseManager, caseId, ("Kind", "Office"), ("Outcome", "DidNotAttend"), ("Time", "18:00"));
        var planned = await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { day = WorkApi.Day(3), time = "10:00", lengthMinutes = 60, kind = "School", childTookPart = true, outcome = "Planned" }));
        var kind = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices")).GetProperty("kinds")[0].GetProperty("id").GetGuid();
        var intervention = await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = kind, providerName = "Valleys Mentoring Project" }));
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsJsonAsync($"/api/v1/interventions/{intervention}/status", new { status = "Started", on = WorkApi.Day(0) })).StatusCode);
        await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/onward-referrals", new { service = "EarlyHelp", referredOn = WorkApi.Day(-3) }));
        await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/onward-referrals", new { service = "YouthService", referredOn = WorkApi.Day(-2) }));
        var held = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts?outcome=Attended")).GetProperty("contacts").GetProperty("items")[0].GetProperty("id").GetGuid();

        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}"));

        Assert.Matches($"data-testid=\"work-last-contact\">\\s*<a class=\"govuk-link\" href=\"/cases/{caseId}/contacts/{held}\">[^<]*, Home visit</a>", page);
        Assert.Matches($"data-testid=\"work-next-contact\">\\s*<a class=\"govuk-link\" href=\"/cases/{caseId}/contacts/{planned}\">[^<]*, At school</a>", page);
        Assert.Contains($"data-testid=\"work-interventions\"><a class=\"govuk-link\" href=\"/cases/{caseId}/interventions\">1</a>", page, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"work-onward\"><a class=\"govuk-link\" href=\"/cases/{caseId}/onward-referrals\">2</a>", page, StringComparison.Ordinal);
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
