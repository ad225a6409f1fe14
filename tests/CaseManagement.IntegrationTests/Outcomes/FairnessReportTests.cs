using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>
/// The fairness view (issue 19, decision 0060) on both databases: counts by protected characteristic, worked out from
/// rows the test records and checked against the test's own counts and suppression; read by team managers only.
/// </summary>
public abstract class FairnessReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One child's closed work: their ethnicity and care experience (null: never recorded) and the days they waited for allocation.</summary>
    private sealed record Child(string? Ethnicity, string? CareExperienced, int WaitedDays);

    private static int? Shown(JsonElement cell) => cell.GetProperty("suppressed").GetBoolean() ? null : cell.GetProperty("value").GetInt32();

    [SkippableFact]
    public async Task FairnessReport_FromKnownRows_AgreesWithTheTestsOwnCountsAndHidesSmallGroups()
    {
        using var client = await factory.SignedInAsync("teammanager@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const string White = "WhiteWelshEnglishScottishNorthernIrishBritish";
        var children = Enumerable.Repeat(new Child(White, "No", 3), 6)
            .Concat(Enumerable.Repeat(new Child(White, "Yes", 40), 5))
            .Concat(Enumerable.Repeat(new Child("BlackAfrican", "Yes", 40), 2))
            .Append(new Child(null, null, 10))
            .ToList();
        foreach (var child in children)
        {
            var (caseId, _) = await TestCases.NewCaseAsync(client);
            if (child.Ethnicity is not null)
            {
                var recorded = await client.PutAsJsonAsync($"/api/v1/cases/{caseId}/characteristics", new { ethnicity = child.Ethnicity, disability = "PrefersNotToSay", genderSameAsSex = "Yes", careExperienced = child.CareExperienced });
                Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
            }

            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Day(0), exitServices = Array.Empty<string>() })).StatusCode);
            await BackdateAsync(caseId, today.AddDays(-400), child.WaitedDays);
        }

        var (from, to) = (today.AddDays(-450), today);
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/fairness?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(children.Count, report.GetProperty("children").GetInt32());
        var tables = report.GetProperty("tables").EnumerateArray().ToDictionary(t => (t.GetProperty("characteristic").GetString(), t.GetProperty("measure").GetString()));

        // The test's own counts: the group of each child, the column of each child.
        string Band(int days) => days <= 7 ? "UpTo7Days" : days <= 28 ? "8To28Days" : "Over28Days";
        var expected = new Dictionary<(string, string), Func<Child, (string Group, string Column)>>
        {
            [("Ethnicity", "Waiting")] = c => (c.Ethnicity ?? "NotRecorded", Band(c.WaitedDays)),
            [("CareExperienced", "Waiting")] = c => (c.CareExperienced ?? "NotRecorded", Band(c.WaitedDays)),
            [("Ethnicity", "Outcome")] = c => (c.Ethnicity ?? "NotRecorded", "NoFurtherOffence"),
            [("Ethnicity", "Interventions")] = c => (c.Ethnicity ?? "NotRecorded", "NoneReceived"),
        };
        foreach (var (key, of) in expected)
        {
            var table = tables[key];
            var columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var grid = table.GetProperty("rows").EnumerateArray().Select(r => (Group: r.GetProperty("group").GetString()!, Cells: r.GetProperty("cells").EnumerateArray().ToList())).ToList();
            foreach (var (group, cells) in grid)
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    var count = children.Count(c => of(c) == (group, columns[i]));

                    // Shown counts are the test's own; every count from 1 to 4 is hidden.
                    if (Shown(cells[i]) is { } shown)
                    {
                        Assert.True(count == shown && count is < 1 or > 4, $"{key} {group} {columns[i]}: {count} shown as {shown}");
                    }
                }
            }

            // Secondary suppression: no row or column has exactly one hidden cell, so none is found by subtraction.
            Assert.DoesNotContain(grid, g => g.Cells.Count(x => Shown(x) is null) == 1);
            Assert.DoesNotContain(Enumerable.Range(0, columns.Count), i => grid.Count(g => Shown(g.Cells[i]) is null) == 1);
        }

        // The two Black African children waited over 28 days: a small group, so the cell is hidden.
        var blackAfrican = tables[("Ethnicity", "Waiting")].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("group").GetString() == "BlackAfrican");
        Assert.Null(Shown(blackAfrican.GetProperty("cells")[2]));

        // A case manager records characteristics for their own children but may not read the team's by group.
        using var caseManager = await factory.SignedInAsync("casemanager@demo.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/api/v1/reports/fairness?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditLog.AnyAsync(e => e.EntityType == "FairnessReport" && e.Action == Domain.Audit.AuditAction.View));
    }

    /// <summary>Moves a case's referral, allocation and closing into the past, as the test cannot wait for them.</summary>
    private async Task BackdateAsync(Guid caseId, DateOnly closedOn, int waitedDays)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var closedAt = closedOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        var referredAt = closedAt.AddDays(-200);
        await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.FirstReferredAtUtc, referredAt)
            .SetProperty(c => c.OpenedAtUtc, referredAt)
            .SetProperty(c => c.AllocatedAtUtc, referredAt.AddDays(waitedDays))
            .SetProperty(c => c.ClosedOn, closedOn)
            .SetProperty(c => c.ClosedAtUtc, closedAt));
    }
}

public sealed class SqliteFairnessReportTests(SqliteAppFactory factory) : FairnessReportTests<SqliteAppFactory>(factory);

public sealed class PostgresFairnessReportTests(PostgresAppFactory factory) : FairnessReportTests<PostgresAppFactory>(factory);

public sealed class SqlServerFairnessReportTests(SqlServerAppFactory factory) : FairnessReportTests<SqlServerAppFactory>(factory);
