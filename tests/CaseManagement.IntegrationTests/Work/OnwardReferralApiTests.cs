using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>Onward referrals through the API, on both databases: their steps and rules, the wait, the case manager's list.</summary>
public abstract class OnwardReferralApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, Guid id, string step, int day, string? reason = null) =>
        client.PostAsJsonAsync($"/api/v1/onward-referrals/{id}/steps", new { step, on = Day(day), reason });

    private static async Task<List<JsonElement>> MineAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/onward-referrals/mine?pageSize=100")).GetProperty("items").EnumerateArray().ToList();

    [SkippableFact]
    public async Task OnwardReferral_AcceptedAfterAWait_CountsTheDaysToTheFirstAppointment()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await AllocatedCaseAsync(client);
        var id = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/onward-referrals", new { service = "EmotionalHealth", serviceName = "CAMHS Cwm Taf", referredOn = Day(-30), reason = "Low mood and poor sleep" }));

        var waiting = await client.GetFromJsonAsync<JsonElement>($"/api/v1/onward-referrals/{id}");
        Assert.Equal(("AwaitingDecision", 30, true), (waiting.GetProperty("status").GetString(), waiting.GetProperty("daysWaited").GetInt32(), waiting.GetProperty("outstanding").GetBoolean()));
        var mine = (await MineAsync(client)).Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal((caseId, 30), (mine.GetProperty("caseId").GetGuid(), mine.GetProperty("daysWaited").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "Accepted", -20)).StatusCode);
        var accepted = await client.GetFromJsonAsync<JsonElement>($"/api/v1/onward-referrals/{id}");
        Assert.Equal(("AwaitingFirstAppointment", 30), (accepted.GetProperty("status").GetString(), accepted.GetProperty("daysWaited").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "FirstAppointment", -2)).StatusCode);
        var seen = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/onward-referrals")).GetProperty("onwardReferrals").EnumerateArray().Single();
        Assert.Equal(("Seen", 28, false), (seen.GetProperty("status").GetString(), seen.GetProperty("daysWaited").GetInt32(), seen.GetProperty("outstanding").GetBoolean()));
        Assert.DoesNotContain(id, (await MineAsync(client)).Select(r => r.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "Closed", 0, "Discharged by CAMHS")).StatusCode);
        Assert.Equal("Closed", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/onward-referrals/{id}")).GetProperty("status").GetString());

        var kinds = await TimelineKindsAsync(client, childId);
        Assert.Equal(["OnwardReferralAccepted", "OnwardReferralClosed", "OnwardReferralFirstAppointment", "OnwardReferralMade"], kinds.Where(k => k!.StartsWith("Onward", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task OnwardReferral_StepsOutOfOrder_AreRefusedWithTheRulesWords()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AllocatedCaseAsync(client);
        var url = $"/api/v1/cases/{caseId}/onward-referrals";
        await RefusedAsync(await client.PostAsJsonAsync(url, new { referredOn = Day(0) }), HttpStatusCode.BadRequest, "Choose the service the child is referred to.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { service = "Other", referredOn = Day(0) }), HttpStatusCode.BadRequest, "Name the service the child is referred to.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { service = "Housing" }), HttpStatusCode.BadRequest, "Enter the date referred.");
        await RefusedAsync(await client.PostAsJsonAsync(url, new { service = "Housing", referredOn = Day(1) }), HttpStatusCode.BadRequest, "The date referred must be today or in the past.");
        var id = await CreatedIdAsync(await client.PostAsJsonAsync(url, new { service = "SpeechAndLanguage", referredOn = Day(-10) }));

        await RefusedAsync(await StepAsync(client, id, "FirstAppointment", -1), HttpStatusCode.UnprocessableEntity, "Record that the service accepted the referral before its first appointment.");
        await RefusedAsync(await StepAsync(client, id, "Accepted", -11), HttpStatusCode.UnprocessableEntity, "The date accepted cannot be before the date referred.");
        await RefusedAsync(await StepAsync(client, id, "Declined", -5), HttpStatusCode.BadRequest, "Give the reason the service declined the referral.");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "Accepted", -5)).StatusCode);
        await RefusedAsync(await StepAsync(client, id, "Declined", -4, "Full"), HttpStatusCode.UnprocessableEntity, "The service's answer has already been recorded.");
        await RefusedAsync(await StepAsync(client, id, "FirstAppointment", -6), HttpStatusCode.UnprocessableEntity, "The first appointment cannot be before the referral was accepted.");
        await RefusedAsync(await StepAsync(client, id, "FirstAppointment", 1), HttpStatusCode.BadRequest, "The date must be today or in the past.");
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "Closed", -3)).StatusCode);
        await RefusedAsync(await StepAsync(client, id, "Closed", 0), HttpStatusCode.UnprocessableEntity, "This onward referral is already closed.");
        Assert.Equal(JsonValueKind.Null, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/onward-referrals/{id}")).GetProperty("daysWaited").ValueKind);
    }

    [SkippableFact]
    public async Task OnwardReferral_Declined_IsNoLongerOutstandingAndHasNoWait()
    {
        using var client = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, _) = await AllocatedCaseAsync(client);

        // A seconded practitioner refers on from a case they are on; the case manager chases it.
        var id = await CreatedIdAsync(await practitioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/onward-referrals", new { service = "EarlyHelp", referredOn = Day(-3) }));
        Assert.Contains(id, (await MineAsync(client)).Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.NoContent, (await StepAsync(client, id, "Declined", 0, "Already known to the family support team")).StatusCode);

        var declined = await client.GetFromJsonAsync<JsonElement>($"/api/v1/onward-referrals/{id}");
        Assert.Equal(("Declined", "Already known to the family support team", false), (declined.GetProperty("status").GetString(), declined.GetProperty("declineReason").GetString(), declined.GetProperty("outstanding").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, declined.GetProperty("daysWaited").ValueKind);
        Assert.DoesNotContain(id, (await MineAsync(client)).Select(r => r.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.GetAsync("/api/v1/onward-referrals/mine")).StatusCode);
    }
}

public sealed class SqliteOnwardReferralApiTests(SqliteAppFactory factory) : OnwardReferralApiTests<SqliteAppFactory>(factory);

public sealed class PostgresOnwardReferralApiTests(PostgresAppFactory factory) : OnwardReferralApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerOnwardReferralApiTests(SqlServerAppFactory factory) : OnwardReferralApiTests<SqlServerAppFactory>(factory);
