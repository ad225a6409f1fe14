using System.Globalization;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>The team manager's figures on the demo data, whose expected values are known, and as the work changes.</summary>
public abstract class TeamDashboardApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Dashboard_OnTheDemoData_CountsWhatIsKnown_AndFollowsTheWork()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();

        var seeded = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(1, seeded.GetProperty("waitingForAllocation").GetInt32());
        Assert.Equal(21, seeded.GetProperty("longestWaitDays").GetInt32()); // Tyler was referred 21 days ago (the wait counts from the referral, not the screening)
        Assert.Equal(2, seeded.GetProperty("awaitingDuplicateDecision").GetInt32()); // Meg, and Cerys (Ffion's twin at the same home: decision 0077)
        Assert.Equal(0, seeded.GetProperty("awaitingCountersignature").GetInt32());
        Assert.Equal(0, seeded.GetProperty("reviewsDueThisWeek").GetInt32());
        Assert.Equal(0, seeded.GetProperty("reviewsOverdue").GetInt32());
        var sian = Assert.Single(seeded.GetProperty("caseloads").EnumerateArray());
        Assert.Equal("Siân Evans", sian.GetProperty("name").GetString());
        Assert.Equal(1, sian.GetProperty("openCases").GetInt32());
        Assert.Equal(1, sian.GetProperty("weightedLoad").GetInt32());

        // Dafydd's case: enhanced, a very high wellbeing concern awaiting countersignature, a review in three days.
        var dafydd = (await caseManager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Mine")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/cases/{dafydd}/details", new { interventionType = "VoluntaryPrevention", enhancedCaseManagement = true })).StatusCode);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/cases/{dafydd}/next-review", new { due })).StatusCode);
        var assessment = (await (await caseManager.PostAsync($"/api/v1/cases/{dafydd}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssessmentApiTests<TFactory>.CompleteAsync(caseManager, assessment);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{assessment}/submit", null)).StatusCode);

        var changed = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(1, changed.GetProperty("awaitingCountersignature").GetInt32());
        Assert.Equal(1, changed.GetProperty("reviewsDueThisWeek").GetInt32());
        Assert.Equal(4, changed.GetProperty("caseloads")[0].GetProperty("weightedLoad").GetInt32());

        // Every figure has its list: the same case is the one due this week, and the one awaiting countersignature.
        var dueList = await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=ReviewsDueThisWeek");
        Assert.Equal(dafydd, Assert.Single(dueList.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var awaiting = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/awaiting-countersignature");
        Assert.Equal(assessment, Assert.Single(awaiting.GetProperty("items").EnumerateArray()).GetProperty("assessmentId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/api/v1/team/dashboard")).StatusCode);
    }
}

public sealed class SqliteTeamDashboardApiTests(SqliteAppFactory factory) : TeamDashboardApiTests<SqliteAppFactory>(factory);

public sealed class PostgresTeamDashboardApiTests(PostgresAppFactory factory) : TeamDashboardApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerTeamDashboardApiTests(SqlServerAppFactory factory) : TeamDashboardApiTests<SqlServerAppFactory>(factory);
