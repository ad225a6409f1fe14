using System.Globalization;
using System.Text;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>The outcome figures on the demo data (whose values are known), after a closure, and as a CSV a spreadsheet opens.</summary>
public abstract class OutcomeFiguresTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Day(int offset) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int Of(JsonElement figures, string list, string label) =>
        figures.GetProperty(list).EnumerateArray().Single(c => c.GetProperty("label").GetString() == label).GetProperty("value").GetInt32();

    [SkippableFact]
    public async Task Outcomes_OnTheDemoData_MatchTheKnownValues_ThenFollowAClosure()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var period = $"/api/v1/team/outcomes?from={Day(-90)}&to={Day(0)}";

        var seeded = await manager.GetFromJsonAsync<JsonElement>(period);
        Assert.Equal(2, seeded.GetProperty("childrenWorkedWith").GetInt32());
        Assert.Equal(10, seeded.GetProperty("referralsReceived").GetInt32());
        Assert.Equal(2, Of(seeded, "referralsBySource", "PoliceNeighbourhoodTeam"));
        Assert.Equal(2, Of(seeded, "referralsBySource", "Mash"));
        Assert.Equal(1, Of(seeded, "referralsBySource", "ChildOrFamily"));
        Assert.Equal(1, seeded.GetProperty("duplicatesFound").GetInt32());
        Assert.Equal(1, seeded.GetProperty("casesAllocated").GetInt32());
        Assert.Equal(5.0, seeded.GetProperty("medianDaysReferralToAllocation").GetDouble());
        Assert.All(seeded.GetProperty("closuresByReason").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("value").GetInt32()));

        // Tyler's family declines: closed today, the case is in its follow-up window, not yet an outcome.
        var tyler = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Waiting")).GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{tyler}/closure", new { reason = "FamilyDeclined", closedOn = Day(0), exitServices = Array.Empty<string>() })).StatusCode);

        var after = await manager.GetFromJsonAsync<JsonElement>(period);
        Assert.Equal(1, Of(after, "closuresByReason", "FamilyDeclined"));
        Assert.Equal((0, 1), (Of(after, "laterOffending", "NoFurtherOffence"), Of(after, "laterOffending", "InFollowUp")));
        Assert.Equal(0, after.GetProperty("returnsToUniversalServices").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/api/v1/team/outcomes?from={Day(0)}&to={Day(-1)}")).StatusCode);
    }

    [SkippableFact]
    public async Task OutcomesCsv_InWelsh_IsUtf8WithAByteOrderMarkAndHeaders()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        await manager.GetAsync("/language/cy-GB?returnUrl=/");

        var response = await manager.GetAsync("/team/outcomes?handler=Csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Ffigur,Eitem,Gwerth", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Atgyfeiriadau yn ôl ffynhonnell,Tîm plismona bro,", StringComparison.Ordinal));
    }
}

public sealed class SqliteOutcomeFiguresTests(SqliteAppFactory factory) : OutcomeFiguresTests<SqliteAppFactory>(factory);

public sealed class PostgresOutcomeFiguresTests(PostgresAppFactory factory) : OutcomeFiguresTests<PostgresAppFactory>(factory);

public sealed class SqlServerOutcomeFiguresTests(SqlServerAppFactory factory) : OutcomeFiguresTests<SqlServerAppFactory>(factory);
