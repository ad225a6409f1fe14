using System.Globalization;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>Contacts (issue 17, point 1) through the API, on both databases: every rule a person or client can meet.</summary>
public abstract class ContactApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Practitioner = "practitioner@demo.example";

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Held(string summary = "Talked about school and football.", string outcome = "Attended", string day = "", Guid? id = null, string? sensitive = null) => new
    {
        id,
        day = day.Length == 0 ? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : day,
        time = "10:00",
        lengthMinutes = 45,
        kind = "HomeVisit",
        place = "Home",
        childTookPart = true,
        parentsOrCarers = "Mum",
        professionals = new[] { new { name = "Ffion Rees", agency = "Ysgol Gyfun" } },
        summary,
        sensitiveNotes = sensitive,
        outcome,
    };

    private static object Planned(string day) => new { day, time = "16:00", lengthMinutes = 60, kind = "Office", childTookPart = true, outcome = "Planned" };

    private static async Task<Guid> RecordAsync(HttpClient client, Guid caseId, object contact)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", contact);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [SkippableFact]
    public async Task Record_TwoContacts_ListedNewestFirstWithTheirOutcomesAndFilteredByOutcome()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var older = await RecordAsync(caseManager, caseId, Held(day: InDays(-7)));
        var newer = await RecordAsync(caseManager, caseId, Held(summary: "Did not come to the office.", outcome: "DidNotAttend", day: InDays(-2)));

        var list = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts");
        var missed = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts?outcome=DidNotAttend");

        var items = list.GetProperty("contacts").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([newer, older], items.Select(i => i.GetProperty("id").GetGuid()).Take(2));
        Assert.Equal("DidNotAttend", items[0].GetProperty("outcome").GetString());
        Assert.Equal("Siân Evans", items[0].GetProperty("recordedBy").GetString());
        Assert.Equal([newer], missed.GetProperty("contacts").GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [SkippableFact]
    public async Task Record_SameFormSentTwice_MakesOneContact()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var key = Guid.NewGuid();

        var first = await RecordAsync(caseManager, caseId, Held(id: key));
        var second = await RecordAsync(caseManager, caseId, Held(id: key));

        Assert.Equal(key, first);
        Assert.Equal(first, second);
        var list = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts");
        Assert.Equal(1, list.GetProperty("contacts").GetProperty("totalCount").GetInt32());
    }

    [SkippableFact]
    public async Task Record_WithoutTheWorkers_NamesTheRecorderAndTheProfessionals()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        var id = await RecordAsync(caseManager, caseId, Held());

        var contact = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{id}");
        Assert.Equal(["Siân Evans"], contact.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("name").GetString()));
        Assert.Equal("Ffion Rees", contact.GetProperty("professionals")[0].GetProperty("name").GetString());
        Assert.Equal("Ysgol Gyfun", contact.GetProperty("professionals")[0].GetProperty("agency").GetString());
        Assert.Equal(45, contact.GetProperty("lengthMinutes").GetInt32());
    }

    [SkippableFact]
    public async Task SecondedPractitioner_RecordsTheirOwnContact_AndNeverReadsTheTeamsSensitiveNotes()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var teams = await RecordAsync(caseManager, caseId, Held(summary: "Went well.", sensitive: "Mum spoke of a worry at home."));

        var own = await RecordAsync(police, caseId, Held(summary: "Met at the station with mum.", sensitive: "A name the officer gave."));

        var seen = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{teams}");
        Assert.Equal("Went well.", seen.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("sensitiveNotes").ValueKind);
        Assert.False(seen.GetProperty("canChange").GetBoolean());
        var mine = await police.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{own}");
        Assert.Equal("A name the officer gave.", mine.GetProperty("sensitiveNotes").GetString());
        var forTeam = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{teams}");
        Assert.Equal("Mum spoke of a worry at home.", forTeam.GetProperty("sensitiveNotes").GetString());
    }

    [SkippableFact]
    public async Task Timeline_ShowsEachHeldContactsSummary_AndNeverItsSensitiveNotes()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var childId = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childId").GetGuid();
        await RecordAsync(caseManager, caseId, Held(summary: "Planned the next month together.", sensitive: "Dad's health worries.", day: InDays(-3)));
        await RecordAsync(caseManager, caseId, Planned(InDays(5)));

        foreach (var reader in new[] { caseManager, police })
        {
            var body = await reader.GetStringAsync($"/api/v1/children/{childId}/timeline");
            var contacts = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "ContactRecorded").ToList();
            var contact = Assert.Single(contacts);
            Assert.Equal("HomeVisit:Attended", contact.GetProperty("detail").GetString());
            Assert.Equal("Planned the next month together.", contact.GetProperty("notes").GetString());
            Assert.Equal(InDays(-3), contact.GetProperty("occurredOn").GetString());
            Assert.DoesNotContain("Dad's health", body, StringComparison.Ordinal);
        }

        var page = await police.GetStringAsync($"/children/{childId}/timeline");
        Assert.Contains("Contact: Home visit, Attended", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain("health worries", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task SecondedPractitioner_CaseTheyAreNotOn_FindsNothing()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var (other, _) = await TestCases.NewCaseAsync(caseManager);
        var id = await RecordAsync(caseManager, other, Held());

        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/cases/{other}/contacts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/cases/{other}/contacts/{id}")).StatusCode);
        await ProblemAsync(await police.PostAsJsonAsync($"/api/v1/cases/{other}/contacts", Held()), HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task Rearrange_PlannedContact_MakesTheNewPlannedContactTheNextOne()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var planned = await RecordAsync(caseManager, caseId, Planned(InDays(2)));

        var answer = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{planned}/outcome", new { outcome = "Rearranged", newDay = InDays(9), newTime = "15:30" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var moved = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rearrangedToContactId").GetGuid();
        var list = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts");
        Assert.Equal(moved, list.GetProperty("nextContact").GetProperty("id").GetGuid());
        var old = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{planned}");
        Assert.Equal("Rearranged", old.GetProperty("outcome").GetString());
        Assert.Equal(moved, old.GetProperty("rearrangedToContactId").GetGuid());
        var again = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{planned}/outcome", new { outcome = "Attended", summary = "Came after all." });
        var problem = await ProblemAsync(again, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("A rearranged contact stays rearranged: change the contact it was moved to instead.", problem.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Outcome_PlannedContactMissed_IsOnTheTimelineAsDidNotAttend()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var childId = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childId").GetGuid();
        var yesterday = await RecordAsync(caseManager, caseId, Held(summary: "Held.", day: InDays(-1)));
        var contact = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{yesterday}");

        var corrected = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{yesterday}/outcome", new { revision = contact.GetProperty("revision").GetInt32(), outcome = "DidNotAttend" });

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var timeline = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        var entry = Assert.Single(timeline.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "ContactRecorded");
        Assert.Equal("HomeVisit:DidNotAttend", entry.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Record_BadAnswers_AreRefusedWithTheRulesWords()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        var cancelled = await ProblemAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { day = Today, time = "09:00", lengthMinutes = 30, kind = "Phone", outcome = "Cancelled", cancelledBy = "Child" }), HttpStatusCode.BadRequest);
        var future = await ProblemAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", Held(day: InDays(3))), HttpStatusCode.UnprocessableEntity);
        var empty = await ProblemAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { }), HttpStatusCode.BadRequest);
        var stranger = await ProblemAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { day = Today, time = "09:00", lengthMinutes = 30, kind = "Phone", outcome = "DidNotAttend", workerIds = new[] { Guid.NewGuid() } }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["Say why the contact was cancelled."], cancelled.GetProperty("errors").GetProperty("cancelReason").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("A contact that has not happened yet can only be planned, cancelled or rearranged.", future.GetProperty("detail").GetString());
        Assert.Equal(["Enter the date of the contact."], empty.GetProperty("errors").GetProperty("day").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Choose what happened."], empty.GetProperty("errors").GetProperty("outcome").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Each worker must be someone on the case.", stranger.GetProperty("detail").GetString());
    }

    [SkippableFact]
    public async Task Change_ByTheRecorderOrTheTeam_KeepsEachChangeInTheAuditTrail_OthersAreRefused()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var id = await RecordAsync(caseManager, caseId, Held(summary: "First wording."));
        var change = new { revision = 0, day = InDays(-1), time = "11:00", lengthMinutes = 50, kind = "School", childTookPart = true, summary = "Corrected wording." };

        var refused = await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{id}", change);
        var changed = await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{id}", change);
        var stale = await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{id}", change);

        var problem = await ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Equal("Only the person who recorded a contact, or the team, can change it.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal("Someone changed this contact since you opened it. Open it again to see their change.", (await ProblemAsync(stale, HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString());
        var contact = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{id}");
        Assert.Equal("Corrected wording.", contact.GetProperty("summary").GetString());
        Assert.Equal("School", contact.GetProperty("kind").GetString());
        Assert.Equal(1, contact.GetProperty("revision").GetInt32());
        var trail = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={contact.GetProperty("childId").GetGuid()}&action=Update&pageSize=100");
        var update = Assert.Single(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("entityType").GetString() == "Contact" && e.GetProperty("entityId").GetString() == id.ToString());
        Assert.Equal("Siân Evans", update.GetProperty("userName").GetString());
        Assert.Contains("\"Summary\"", update.GetProperty("changes").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("wording", trail.GetRawText(), StringComparison.Ordinal);
    }
}

public sealed class SqliteContactApiTests(SqliteAppFactory factory) : ContactApiTests<SqliteAppFactory>(factory);

public sealed class PostgresContactApiTests(PostgresAppFactory factory) : ContactApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerContactApiTests(SqlServerAppFactory factory) : ContactApiTests<SqlServerAppFactory>(factory);
