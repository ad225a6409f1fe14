namespace CaseManagement.IntegrationTests.Work;

/// <summary>Case notes (issue 17, point 4) through the API and the page, on both databases.</summary>
public abstract class CaseNoteApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Practitioner = "practitioner@demo.example";

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> WriteAsync(HttpClient client, Guid caseId, string text, string visibility = "EveryoneOnTheCase", string category = "General", Guid? id = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { id, category, visibility, text });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> NotesAsync(HttpClient client, Guid caseId, string query = "") =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/notes{query}")).GetProperty("notes").GetProperty("items").EnumerateArray().ToList();

    [SkippableFact]
    public async Task Notes_NewestFirst_TeamOnlyNotesNeverReachThePoliceOfficer()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        await WriteAsync(caseManager, caseId, "Rang school about attendance.", category: "PhoneCall");
        await WriteAsync(caseManager, caseId, "Mum disclosed a family matter.", visibility: "TeamOnly", category: "Family");

        var forTeam = await NotesAsync(caseManager, caseId);
        var forPolice = await NotesAsync(police, caseId);
        var page = WebUtility.HtmlDecode(await police.GetStringAsync($"/cases/{caseId}/notes"));

        Assert.Equal(["Mum disclosed a family matter.", "Rang school about attendance."], forTeam.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(["Rang school about attendance."], forPolice.Select(n => n.GetProperty("text").GetString()));
        Assert.Contains("Rang school about attendance.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("family matter", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await police.GetAsync("/api/v1/audit")).StatusCode);
    }

    [SkippableFact]
    public async Task Write_BySecondedPractitionerAskingForTeamOnly_IsReadByEveryoneOnTheCase()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);

        await WriteAsync(police, caseId, "Seen near the station with older boys.", visibility: "TeamOnly");

        var note = Assert.Single(await NotesAsync(police, caseId));
        Assert.Equal("EveryoneOnTheCase", note.GetProperty("visibility").GetString());
    }

    [SkippableFact]
    public async Task Edit_KeepsEachEarlierWording_ShownToTheTeamOnly()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var id = await WriteAsync(caseManager, caseId, "First wording.");

        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/notes/{id}", new { revision = 1, category = "Education", visibility = "EveryoneOnTheCase", text = "Second wording." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/notes/{id}", new { revision = 2, category = "Education", visibility = "EveryoneOnTheCase", text = "Third wording." })).StatusCode);

        var forTeam = Assert.Single(await NotesAsync(caseManager, caseId));
        Assert.Equal("Third wording.", forTeam.GetProperty("text").GetString());
        Assert.Equal(["Second wording.", "First wording."], forTeam.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("text").GetString()));
        var forPolice = Assert.Single(await NotesAsync(police, caseId));
        Assert.Equal(3, forPolice.GetProperty("revision").GetInt32());
        Assert.Empty(forPolice.GetProperty("versions").EnumerateArray());
        var policePage = WebUtility.HtmlDecode(await police.GetStringAsync($"/cases/{caseId}/notes"));
        Assert.Contains("data-testid=\"note-edited\"", policePage, StringComparison.Ordinal);
        Assert.DoesNotContain("First wording.", policePage, StringComparison.Ordinal);
        var teamPage = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/notes"));
        Assert.Contains("First wording.", teamPage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Edit_SomeoneElsesNote_IsRefused_AndAStaleRevisionIsAConflict()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync(Practitioner);
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var id = await WriteAsync(caseManager, caseId, "The team's note.");
        var edit = new { revision = 1, category = "General", visibility = "EveryoneOnTheCase", text = "Changed." };

        var refused = await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/notes/{id}", edit);
        await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/notes/{id}", edit);
        var stale = await caseManager.PutAsJsonAsync($"/api/v1/cases/{caseId}/notes/{id}", edit with { text = "Again." });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Only the person who wrote a note can edit it.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Equal("Changed.", Assert.Single(await NotesAsync(caseManager, caseId)).GetProperty("text").GetString());
    }

    [SkippableFact]
    public async Task Search_FindsTextInAnyCase_WelshLettersToo()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        await WriteAsync(caseManager, caseId, "Ŵyr Mrs Pritchard called about the BIKE.");
        await WriteAsync(caseManager, caseId, "Nothing to do with it.");

        var bike = await NotesAsync(caseManager, caseId, "?search=bike");
        var welsh = await NotesAsync(caseManager, caseId, "?search=" + Uri.EscapeDataString("ŵYR"));
        var none = await NotesAsync(caseManager, caseId, "?search=" + Uri.EscapeDataString("100%"));

        Assert.Equal(["Ŵyr Mrs Pritchard called about the BIKE."], bike.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(["Ŵyr Mrs Pritchard called about the BIKE."], welsh.Select(n => n.GetProperty("text").GetString()));
        Assert.Empty(none);
    }

    [SkippableFact]
    public async Task Write_SameFormTwice_MakesOneNote_AndBadAnswersGetTheRulesWords()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var key = Guid.NewGuid();

        await WriteAsync(caseManager, caseId, "Once.", id: key);
        await WriteAsync(caseManager, caseId, "Once.", id: key);
        var bad = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { category = "General" });

        Assert.Single(await NotesAsync(caseManager, caseId));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Write the note.", errors.GetProperty("text")[0].GetString());
        Assert.Equal("Choose who may read the note.", errors.GetProperty("visibility")[0].GetString());
    }

    [SkippableFact]
    public async Task NotesPage_AddsANote_AndSpeaksWelsh()
    {
        using var caseManager = await factory.SignedInAsync();
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var form = await caseManager.GetStringAsync($"/cases/{caseId}/notes");
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"FormKey\" value=\"([^\"]+)\"").Groups[1].Value;

        var answer = await caseManager.PostAsync($"/cases/{caseId}/notes", AppFactory.Form(form, ("FormKey", key), ("Revision", "0"), ("Text", "Emailed the school."), ("Category", "Email"), ("Visibility", "EveryoneOnTheCase")));
        await caseManager.GetAsync("/language/cy-GB?returnUrl=%2F");
        var welsh = WebUtility.HtmlDecode(await caseManager.GetStringAsync($"/cases/{caseId}/notes"));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("Emailed the school.", welsh, StringComparison.Ordinal);
        Assert.Contains("Nodiadau achos", welsh, StringComparison.Ordinal);
        Assert.Contains("E-bost", welsh, StringComparison.Ordinal);
    }
}

public sealed class SqliteCaseNoteApiTests(SqliteAppFactory factory) : CaseNoteApiTests<SqliteAppFactory>(factory);

public sealed class PostgresCaseNoteApiTests(PostgresAppFactory factory) : CaseNoteApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerCaseNoteApiTests(SqlServerAppFactory factory) : CaseNoteApiTests<SqlServerAppFactory>(factory);
