namespace CaseManagement.IntegrationTests.Api;

/// <summary>A case through the API, on both databases: from an accepted referral to closure and back, all on the child's timeline.</summary>
public abstract class CaseApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] ExitServices = ["YouthService", "LeisureAndSport"];

    private static string Today => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> CaseAsync(HttpClient client, Guid caseId) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");

    [SkippableFact]
    public async Task Goal_SentRacingWithOneKey_IsSetOnceAndEverySendAnswersWithIt()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var key = Guid.NewGuid().ToString();
        var goal = new { description = "Climb at the wall in Treforest once a week", owner = "Child", targetDate = InDays(60) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/goals") { Content = JsonContent.Create(goal) };
            send.Headers.Add("Idempotency-Key", key);
            using var answer = await client.SendAsync(send);
            return (answer.StatusCode, Id: answer.StatusCode == HttpStatusCode.Created ? (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : Guid.Empty);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single((await CaseAsync(client, caseId)).GetProperty("goals").EnumerateArray());
    }

    [SkippableFact]
    public async Task Case_FromWaitingListToClosureAndReopening_IsRecordedOnTheChildsTimeline()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await TestCases.NewCaseAsync(client);

        var waiting = await client.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Waiting&pageSize=100");
        var listed = waiting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == caseId);
        Assert.Equal("Urgent", listed.GetProperty("urgency").GetString());
        Assert.Equal("High", listed.GetProperty("priority").GetString());

        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var manager = choices.GetProperty("caseManagers").EnumerateArray().First(p => p.GetProperty("name").GetString() == "Siân Evans");
        var practitioner = choices.GetProperty("practitioners").EnumerateArray().First();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = manager.GetProperty("id").GetGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitioner.GetProperty("id").GetGuid(), contribution = "Speech and language assessment" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/engagement", new { status = "Engaged", on = Today })).StatusCode);

        var allocated = await CaseAsync(client, caseId);
        Assert.Equal("Open", allocated.GetProperty("status").GetString());
        Assert.Equal("Siân Evans", allocated.GetProperty("caseManager").GetProperty("name").GetString());
        Assert.Equal(InDays(42), allocated.GetProperty("nextReviewDue").GetString());
        Assert.Equal("Speech and language assessment", allocated.GetProperty("practitioners")[0].GetProperty("contribution").GetString());

        // A retried goal (same Idempotency-Key) creates one goal, not two.
        var key = Guid.NewGuid().ToString();
        var goal = new { description = "Go to the boxing club twice a week", owner = "Child", targetDate = InDays(90) };
        using var first = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/goals") { Content = JsonContent.Create(goal) };
        first.Headers.Add("Idempotency-Key", key);
        using var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/goals") { Content = JsonContent.Create(goal) };
        retry.Headers.Add("Idempotency-Key", key);
        var goalId = (await (await client.SendAsync(first)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(goalId, (await (await client.SendAsync(retry)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Single((await CaseAsync(client, caseId)).GetProperty("goals").EnumerateArray());

        var entry = await client.PostAsJsonAsync($"/api/v1/children/{childId}/timeline", new { category = "SchoolMove", occurredOn = "2023-09-01", dateIsApproximate = true, title = "Moved to Ysgol Gyfun Rhydywaun" });
        Assert.Equal(HttpStatusCode.Created, entry.StatusCode);

        var review = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/reviews", new
        {
            heldOn = Today,
            goals = new[] { new { goalId, progress = 6, status = "Active" } },
            childView = "Boxing is the best part of the week.",
            decision = "Continue",
            nextReviewDue = InDays(42),
        });
        Assert.Equal(HttpStatusCode.Created, review.StatusCode);
        var reviewed = await CaseAsync(client, caseId);
        Assert.Equal(6, reviewed.GetProperty("goals")[0].GetProperty("progress").GetInt32());
        Assert.Equal("Boxing is the best part of the week.", reviewed.GetProperty("reviews")[0].GetProperty("childView").GetString());

        // Closing as complete needs the exit plan: the field errors say so.
        var incomplete = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "InterventionCompleted", closedOn = Today, exitServices = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var problem = await incomplete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("exitPlan", out _) && problem.GetProperty("errors").TryGetProperty("exitServices", out _), problem.ToString());
        var closed = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "InterventionCompleted", closedOn = Today, exitServices = ExitServices, exitPlan = "Introduced to the youth worker at the leisure centre." });
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        var closedCase = await CaseAsync(client, caseId);
        Assert.Equal("Closed", closedCase.GetProperty("status").GetString());
        Assert.Equal("LeisureAndSport,YouthService", string.Join(",", closedCase.GetProperty("exitServices").EnumerateArray().Select(s => s.GetString()).Order(StringComparer.Ordinal)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", goal)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/cases/{caseId}/reopen", null)).StatusCode);
        Assert.Equal("Open", (await CaseAsync(client, caseId)).GetProperty("status").GetString());

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        foreach (var expected in new[] { "ReferralReceived", "ReferralAccepted", "CaseOpened", "CaseAllocated", "PractitionerAdded", "EngagementRecorded", "GoalSet", "GoalUpdated", "ReviewHeld", "CaseClosed", "CaseReopened", "PractitionerEntry" })
        {
            Assert.Contains(expected, kinds);
        }

        var schoolMove = timeline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "PractitionerEntry");
        Assert.True(schoolMove.GetProperty("dateIsApproximate").GetBoolean());
        Assert.InRange(schoolMove.GetProperty("ageAtEvent").GetInt32(), 10, 11);
        Assert.Equal("Siân Evans", timeline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "CaseAllocated").GetProperty("detail").GetString());

        var goalsOnly = await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline?category=Goal");
        Assert.All(goalsOnly.GetProperty("items").EnumerateArray(), i => Assert.Equal("Goal", i.GetProperty("category").GetString()));
        Assert.Equal(2, goalsOnly.GetProperty("items").GetArrayLength());
    }

    [SkippableFact]
    public async Task Goal_ChangedThroughTheNewRouteOrTheDeprecatedOne_IsChanged_AndOnlyTheOldOneAnnouncesItsSunset()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var created = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { description = "Go to the boxing club", owner = "Child" });
        var goalId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task<int> ProgressAsync() => (await CaseAsync(client, caseId)).GetProperty("goals")[0].GetProperty("progress").GetInt32();

        using var current = await client.PutAsJsonAsync($"/api/v1/goals/{goalId}", new { description = "Go to the boxing club", owner = "Child", progress = 3, status = "Active" });
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
        Assert.False(current.Headers.Contains("Deprecation"));
        Assert.Equal(3, await ProgressAsync());

        // Clients written before the move keep working until the sunset, and are told so on every answer.
        using var old = await client.PutAsJsonAsync($"/api/v1/cases/goals/{goalId}", new { description = "Go to the boxing club", owner = "Child", progress = 7, status = "Active" });
        Assert.Equal(HttpStatusCode.NoContent, old.StatusCode);
        Assert.Equal("@1796515200", Assert.Single(old.Headers.GetValues("Deprecation")));
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", Assert.Single(old.Headers.GetValues("Sunset")));
        Assert.Equal(7, await ProgressAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/goals/{Guid.NewGuid()}", new { description = "Go to the boxing club", owner = "Child", progress = 7, status = "Active" })).StatusCode);
    }

    [SkippableFact]
    public async Task SecondedPractitioner_SeesACaseOnlyWhileOnIt_AndNeverTheTeamOnlyEntries()
    {
        using var manager = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);
        await manager.PostAsJsonAsync($"/api/v1/children/{childId}/timeline", new { category = "Bereavement", occurredOn = "2022-02-01", title = "Grandmother died", visibility = "TeamOnly" });
        await manager.PostAsJsonAsync($"/api/v1/children/{childId}/timeline", new { category = "ContactSession", occurredOn = Today, title = "First home visit" });

        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/v1/children/{childId}/timeline")).StatusCode);

        var choices = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var practitionerId = choices.GetProperty("practitioners").EnumerateArray().First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitionerId, contribution = "Police liaison" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await practitioner.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        var seen = await practitioner.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        var titles = seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()).ToList();
        Assert.Contains("First home visit", titles);
        Assert.DoesNotContain("Grandmother died", titles);
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = practitionerId })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await practitioner.PostAsJsonAsync($"/api/v1/children/{childId}/timeline", new { category = "ContactSession", occurredOn = Today, title = "Met at school with the head of year" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/cases/{caseId}/practitioners/{practitionerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await practitioner.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
    }
}

public sealed class SqliteCaseApiTests(SqliteAppFactory factory) : CaseApiTests<SqliteAppFactory>(factory);

public sealed class PostgresCaseApiTests(PostgresAppFactory factory) : CaseApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerCaseApiTests(SqlServerAppFactory factory) : CaseApiTests<SqlServerAppFactory>(factory);
