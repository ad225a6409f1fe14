using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>Interventions through the API, on both databases: the team's list of kinds, the status rules, the timeline.</summary>
public abstract class InterventionApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] DomesticAbuse = ["Ace:DomesticAbuse"];

    private static readonly string[] YouthService = ["YouthService"];

    private static async Task<Guid> KindAsync(HttpClient client, Guid caseId, string english)
    {
        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices");
        return choices.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("nameEnglish").GetString() == english).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> OnlyInterventionAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions")).GetProperty("interventions").EnumerateArray().Single();

    [SkippableFact]
    public async Task Intervention_PlannedStartedAndCompleted_IsShownWithItsGoalAndOnTheTimeline()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await AllocatedCaseAsync(client);
        var goalId = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { description = "Go to the boxing club", owner = "Child" }));
        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices");
        var mentoring = choices.GetProperty("kinds").EnumerateArray().First();
        Assert.Equal(("Mentoring", "Mentora"), (mentoring.GetProperty("nameEnglish").GetString(), mentoring.GetProperty("nameWelsh").GetString()));
        Assert.Equal(11, choices.GetProperty("kinds").GetArrayLength());

        var id = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new
        {
            kindId = mentoring.GetProperty("id").GetGuid(), providerName = "Valleys Mentoring Project", plannedStart = Day(-14), plannedEnd = Day(60), goalIds = new[] { goalId },
        }));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Started", on = Day(-7) })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Completed", on = Day(0) })).StatusCode);

        var shown = await OnlyInterventionAsync(client, caseId);
        Assert.Equal("Completed", shown.GetProperty("status").GetString());
        Assert.Equal("Valleys Mentoring Project", shown.GetProperty("provider").GetString());
        Assert.Equal((Day(-14), Day(60), Day(-7), Day(0)), (shown.GetProperty("plannedStart").GetString(), shown.GetProperty("plannedEnd").GetString(), shown.GetProperty("actualStart").GetString(), shown.GetProperty("actualEnd").GetString()));
        Assert.Equal("Go to the boxing club", shown.GetProperty("goals")[0].GetProperty("description").GetString());
        Assert.Equal(id, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/interventions/{id}")).GetProperty("id").GetGuid());

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        var entries = timeline.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString()!.StartsWith("Intervention", StringComparison.Ordinal)).ToList();
        Assert.Equal(["InterventionCompleted", "InterventionPlanned", "InterventionStarted"], entries.Select(e => e.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("Mentoring", e.GetProperty("detail").GetString()));
    }

    [SkippableFact]
    public async Task Intervention_Sessions_AreCountedFromTheOutcomesOfItsContacts()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var (other, _) = await AllocatedCaseAsync(client);
        var id = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = await KindAsync(client, caseId, "Mentoring"), providerName = "Valleys Mentoring Project" }));
        async Task<Guid> ContactAsync(Guid onCase, int day, string outcome, string? cancelledBy = null) =>
            await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{onCase}/contacts", new
            {
                day = Day(day), time = "10:00", lengthMinutes = 60, kind = "Community", childTookPart = true, summary = "Mentoring session", outcome, cancelledBy, cancelReason = cancelledBy is null ? null : "Unwell",
            }));
        var held = await ContactAsync(caseId, -21, "Attended");
        var missed = await ContactAsync(caseId, -14, "DidNotAttend");
        var calledOffByWorker = await ContactAsync(caseId, -10, "Cancelled", "Worker");
        var calledOffByChild = await ContactAsync(caseId, -7, "Cancelled", "Child");
        var notThisCase = await ContactAsync(other, -7, "Attended");

        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/interventions/{id}/sessions", new { contactIds = new[] { held, missed, calledOffByWorker, calledOffByChild } })).StatusCode);
        var shown = await OnlyInterventionAsync(client, caseId);
        Assert.Equal((3, 1), (shown.GetProperty("sessionsOffered").GetInt32(), shown.GetProperty("sessionsAttended").GetInt32()));

        await RefusedAsync(await client.PutAsJsonAsync($"/api/v1/interventions/{id}/sessions", new { contactIds = new[] { held, notThisCase } }), HttpStatusCode.UnprocessableEntity, "Choose contacts of this child's case.");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/interventions/{id}/sessions", new { contactIds = new[] { held } })).StatusCode);
        Assert.Equal(1, (await OnlyInterventionAsync(client, caseId)).GetProperty("sessionsOffered").GetInt32());
    }

    [SkippableFact]
    public async Task Contact_NamesTheInterventionsItServed_TheirSessionsAreCountedFromIt()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var (other, _) = await AllocatedCaseAsync(client);
        var mentoring = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = await KindAsync(client, caseId, "Mentoring"), providerName = "Valleys Mentoring Project" }));
        var stopped = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = await KindAsync(client, caseId, "Parenting support"), providerName = "Family Centre" }));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{stopped}/status", new { status = "Stopped", on = Day(0), reason = "The family moved away" })).StatusCode);
        var elsewhere = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{other}/interventions", new { kindId = await KindAsync(client, other, "Mentoring"), providerName = "Valleys Mentoring Project" }));
        HttpContent Contact(int day, string outcome, Guid[]? interventionIds) => JsonContent.Create(new
        {
            day = Day(day), time = "10:00", lengthMinutes = 60, kind = "Community", childTookPart = true, summary = "Mentoring session", outcome, interventionIds,
            newDay = outcome == "Rearranged" ? Day(7) : null, newTime = outcome == "Rearranged" ? "10:00" : null,
        });
        async Task<(int Offered, int Attended)> SessionsAsync()
        {
            var shown = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/interventions/{mentoring}"));
            return (shown.GetProperty("sessionsOffered").GetInt32(), shown.GetProperty("sessionsAttended").GetInt32());
        }

        var held = await CreatedIdAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-14, "Attended", [mentoring])));
        var missed = await CreatedIdAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-7, "DidNotAttend", [mentoring])));
        await CreatedIdAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-3, "Attended", null)));
        Assert.Equal((2, 1), await SessionsAsync());
        var contact = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{held}");
        Assert.Equal(("Mentoring", "Valleys Mentoring Project"), (contact.GetProperty("interventions")[0].GetProperty("kindEnglish").GetString(), contact.GetProperty("interventions")[0].GetProperty("provider").GetString()));

        await RefusedAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-2, "Attended", [elsewhere])), HttpStatusCode.UnprocessableEntity, "Choose interventions of this child's case.");
        await RefusedAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-2, "Attended", [stopped])), HttpStatusCode.UnprocessableEntity, "Choose interventions that are planned or started.");

        // A correction that leaves the field out keeps the links; an empty list removes them.
        var change = new { revision = 0, day = Day(-7), time = "10:00", lengthMinutes = 45, kind = "Community", childTookPart = true, summary = "Mentoring session" };
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{missed}", change)).StatusCode);
        Assert.Equal((2, 1), await SessionsAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{missed}", new { change.day, change.time, change.lengthMinutes, change.kind, change.childTookPart, change.summary, revision = 1, interventionIds = Array.Empty<Guid>() })).StatusCode);
        Assert.Equal((1, 1), await SessionsAsync());

        // Moved to a new date, the contact hands its link on to the new planned one, which counts once it is held.
        var moved = await CreatedIdAsync(await client.PostAsync($"/api/v1/cases/{caseId}/contacts", Contact(-1, "Rearranged", [mentoring])));
        var planned = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{moved}")).GetProperty("rearrangedToContactId").GetGuid();
        Assert.Equal(mentoring, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{planned}")).GetProperty("interventions")[0].GetProperty("id").GetGuid());
        Assert.Equal((1, 1), await SessionsAsync());
    }

    [SkippableFact]
    public async Task Intervention_CompletedBeforeItStarted_IsRefusedWithTheRulesWords()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var id = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId = await KindAsync(client, caseId, "Emotional health"), providerName = "CAMHS" }));

        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Completed", on = Day(0) }), HttpStatusCode.UnprocessableEntity, "An intervention cannot be completed before it has started.");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Started", on = Day(-3) })).StatusCode);
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Completed", on = Day(-4) }), HttpStatusCode.UnprocessableEntity, "The end date cannot be before the intervention started.");
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Started", on = Day(-1) }), HttpStatusCode.UnprocessableEntity, "Only a planned intervention can be started.");
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Stopped", on = Day(0) }), HttpStatusCode.BadRequest, "Give the reason the intervention stopped.");
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Completed", on = Day(1) }), HttpStatusCode.BadRequest, "The date must be today or in the past.");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Stopped", on = Day(0), reason = "The family moved away" })).StatusCode);
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Completed", on = Day(0) }), HttpStatusCode.UnprocessableEntity, "This intervention has already ended.");

        var shown = await OnlyInterventionAsync(client, caseId);
        Assert.Equal(("Stopped", "The family moved away"), (shown.GetProperty("status").GetString(), shown.GetProperty("stopReason").GetString()));
    }

    [SkippableFact]
    public async Task Intervention_WithBadPlan_IsRefusedWithEachRulesWords()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var (other, _) = await AllocatedCaseAsync(client);
        var otherGoal = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{other}/goals", new { description = "Another child's goal", owner = "Child" }));
        var kindId = await KindAsync(client, caseId, "Substance use");
        var url = $"/api/v1/cases/{caseId}/interventions";

        await RefusedAsync(await client.PostAsJsonAsync(url, new { providerName = "Barod" }), HttpStatusCode.BadRequest, "Choose the kind of intervention.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId }), HttpStatusCode.BadRequest, "Choose the agency that provides the intervention, or name the organisation.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId, providerName = "Barod", plannedStart = Day(10), plannedEnd = Day(5) }), HttpStatusCode.BadRequest, "The planned end cannot be before the planned start.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId, providerAgencyId = Guid.NewGuid() }), HttpStatusCode.UnprocessableEntity, "Choose the agency that provides the intervention, or name the organisation.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId = Guid.NewGuid(), providerName = "Barod" }), HttpStatusCode.UnprocessableEntity, "Choose a kind of intervention the team offers.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId, providerName = "Barod", goalIds = new[] { otherGoal } }), HttpStatusCode.UnprocessableEntity, "Choose goals of this child's plan.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId, providerName = "Barod", needs = DomesticAbuse }), HttpStatusCode.UnprocessableEntity, "Choose needs the child's assessment recorded.");
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("interventions").EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "FamilyDeclined", closedOn = Day(0), exitServices = YouthService })).StatusCode);
        await RefusedAsync(await client.PostAsJsonAsync(url, new { kindId, providerName = "Barod" }), HttpStatusCode.UnprocessableEntity, "A closed case cannot have new interventions. Reopen it first.");
    }

    [SkippableFact]
    public async Task Intervention_SentTwiceWithOneIdempotencyKey_IsRecordedOnce()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var body = new { kindId = await KindAsync(client, caseId, "Mentoring"), providerName = "Valleys Mentoring Project" };
        var key = Guid.NewGuid().ToString();
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/interventions") { Content = JsonContent.Create(body) };
            send.Headers.Add("Idempotency-Key", key);
            ids.Add(await CreatedIdAsync(await client.SendAsync(send)));
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], (await OnlyInterventionAsync(client, caseId)).GetProperty("id").GetGuid());
    }

    [SkippableFact]
    public async Task InterventionKinds_TeamManagerAddsRenamesAndRetires_OldRecordsKeepTheKind()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);

        var kindId = await CreatedIdAsync(await manager.PostAsJsonAsync("/api/v1/team/intervention-kinds", new { nameEnglish = "Cooking skills", nameWelsh = "Sgiliau coginio" }));
        await RefusedAsync(await manager.PostAsJsonAsync("/api/v1/team/intervention-kinds", new { nameEnglish = "cooking skills", nameWelsh = "Coginio" }), HttpStatusCode.UnprocessableEntity, "The team already has a kind of intervention with this name.");
        await RefusedAsync(await manager.PostAsJsonAsync("/api/v1/team/intervention-kinds", new { nameEnglish = "Baking" }), HttpStatusCode.BadRequest, "Enter the name in Welsh.");
        var id = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId, providerName = "Community kitchen" }));

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/team/intervention-kinds/{kindId}", new { nameEnglish = "Cooking and budgeting", nameWelsh = "Coginio a chyllidebu", retired = true })).StatusCode);
        var listed = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/intervention-kinds")).EnumerateArray().Single(k => k.GetProperty("id").GetGuid() == kindId);
        Assert.Equal(("Cooking and budgeting", "Coginio a chyllidebu", true), (listed.GetProperty("nameEnglish").GetString(), listed.GetProperty("nameWelsh").GetString(), listed.GetProperty("retired").GetBoolean()));

        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices");
        Assert.DoesNotContain(kindId, choices.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()));
        await RefusedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId, providerName = "Community kitchen" }), HttpStatusCode.UnprocessableEntity, "Choose a kind of intervention the team offers.");
        var kept = await client.GetFromJsonAsync<JsonElement>($"/api/v1/interventions/{id}");
        Assert.Equal(("Cooking and budgeting", true), (kept.GetProperty("kindEnglish").GetString(), kept.GetProperty("kindRetired").GetBoolean()));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/team/intervention-kinds", new { nameEnglish = "Art", nameWelsh = "Celf" })).StatusCode);
    }

    [SkippableFact]
    public async Task Intervention_SecondedPractitioner_RecordsOnTheirCaseOnly()
    {
        using var client = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, _) = await AllocatedCaseAsync(client);
        var (notTheirs, _) = await TestCases.NewCaseAsync(client);
        var kindId = await KindAsync(client, caseId, "Speech and language");

        var id = await CreatedIdAsync(await practitioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId, providerName = "Speech and language therapy" }));
        Assert.Equal(HttpStatusCode.NoContent, (await practitioner.PostAsJsonAsync($"/api/v1/interventions/{id}/status", new { status = "Started", on = Day(0) })).StatusCode);
        Assert.Equal("Started", (await OnlyInterventionAsync(client, caseId)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.PostAsJsonAsync($"/api/v1/cases/{notTheirs}/interventions", new { kindId, providerName = "Speech and language therapy" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/v1/cases/{notTheirs}/interventions")).StatusCode);
    }
}

public sealed class SqliteInterventionApiTests(SqliteAppFactory factory) : InterventionApiTests<SqliteAppFactory>(factory);

public sealed class PostgresInterventionApiTests(PostgresAppFactory factory) : InterventionApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerInterventionApiTests(SqlServerAppFactory factory) : InterventionApiTests<SqlServerAppFactory>(factory);
