using System.Globalization;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.IntegrationTests.Outcomes.ShownCounts;
using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>
/// The fairness view (issue 19, decision 0060) on both databases: counts by protected characteristic, worked out from
/// rows the test records and checked against the test's own counts and suppression; read by team managers only.
/// </summary>
public abstract class FairnessReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>A row of two hidden counts.</summary>
    private static readonly int?[] Hidden = [null, null];
    private static readonly string?[] InterventionColumns = ["Received", "NoneReceived"];
    private static readonly string[] CsvHeaders = ["Period", "Measure", "Characteristic", "Group", "Category", "Children"];

    // Two lines of the CSV (after the period): a count shown, and a count hidden as on the page.
    private static readonly string[] AsianIndianNoneStarted = ["Interventions received", "Ethnic group", "Asian: Indian", "None started", "5"];
    private static readonly string[] BlackAfricanStarted = ["Interventions received", "Ethnic group", "Black: African", "At least one started", "fewer than 5"];

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One child's closed work: their ethnicity and care experience (null: never recorded) and the days they waited for allocation.</summary>
    private sealed record Child(string? Ethnicity, string? CareExperienced, int WaitedDays);

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

    [SkippableFact]
    public async Task FairnessReport_WithInterventions_CountsThemByGroup_AndItsCsvHidesWhatThePageHides()
    {
        using var client = await factory.SignedInAsync("teammanager@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const string White = "WhiteWelshEnglishScottishNorthernIrishBritish";

        // Interventions started differ between groups: six of eight White children, none of five Asian Indian children,
        // one of three Black African children; one child with nothing recorded and no intervention.
        var children = Enumerable.Repeat((Ethnicity: (string?)White, Started: true), 6)
            .Concat(Enumerable.Repeat(((string?)White, false), 2))
            .Concat(Enumerable.Repeat(((string?)"AsianIndian", false), 5))
            .Append(("BlackAfrican", true))
            .Concat(Enumerable.Repeat(((string?)"BlackAfrican", false), 2))
            .Append((null, false))
            .ToList();
        foreach (var (ethnicity, started) in children)
        {
            var (caseId, _) = await TestCases.NewCaseAsync(client);
            if (ethnicity is not null)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/cases/{caseId}/characteristics", new { ethnicity, disability = "No", genderSameAsSex = "Yes", careExperienced = "No" })).StatusCode);
            }

            // A planned intervention that never started is not one received; one that started is, whatever came after.
            var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/interventions/choices");
            var kindId = choices.GetProperty("kinds")[0].GetProperty("id").GetGuid();
            var intervention = await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new { kindId, providerName = "Valleys Mentoring Project" }));
            if (started)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/interventions/{intervention}/status", new { status = "Started", on = Day(0) })).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Day(0), exitServices = Array.Empty<string>() })).StatusCode);
            // Closed long before the other test's children, whose period this one does not overlap: SQLite keeps both.
            await BackdateAsync(caseId, today.AddDays(-600), 3);
        }

        var (from, to) = (today.AddDays(-620), today.AddDays(-580));
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/fairness?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var table = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("characteristic").GetString() == "Ethnicity" && t.GetProperty("measure").GetString() == "Interventions");
        Assert.Equal(InterventionColumns, table.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var grid = table.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("cells").EnumerateArray().Select(Shown).ToList());

        // The test's own counts and suppression: 1 to 4 hidden, then in a row or column with exactly one hidden cell
        // the smallest other cell too. White [6, 2]: 2 hidden, so 6 too; Black African [1, 2]: both hidden; not recorded
        // [0, 1]: 1 hidden, so the 0 beside it too; Asian Indian [0, 5] is shown: five children, none received one.
        Assert.Equal(Hidden, grid[White]);
        Assert.Equal(new int?[] { 0, 5 }, grid["AsianIndian"]);
        Assert.Equal(Hidden, grid["BlackAfrican"]);
        Assert.Equal(Hidden, grid["NotRecorded"]);
        Assert.All(grid.Where(g => g.Key is not (White or "AsianIndian" or "BlackAfrican" or "NotRecorded")), g => Assert.Equal(new int?[] { 0, 0 }, g.Value));

        // Disability: the sixteen recorded said no (7 received one, 9 did not); the one not recorded is hidden, so is the
        // zero beside it, and then, so that neither column has a single hidden cell, both counts of "no" as well.
        var disability = report.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("characteristic").GetString() == "Disability" && t.GetProperty("measure").GetString() == "Interventions")
            .GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("cells").EnumerateArray().Select(Shown).ToList());
        Assert.Equal(Hidden, disability["No"]);
        Assert.Equal(Hidden, disability["NotRecorded"]);
        Assert.Equal(new int?[] { 0, 0 }, disability["Yes"]);

        // The CSV, from the page and from the API, carries exactly what the page shows: a hidden count is "fewer than 5".
        foreach (var address in new[] { $"/reports/fairness?handler=Csv&FromDay={from.Day}&FromMonth={from.Month}&FromYear={from.Year}&ToDay={to.Day}&ToMonth={to.Month}&ToYear={to.Year}", $"/api/v1/reports/fairness/csv?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}" })
        {
            var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var rows = ParseCsv(await response.Content.ReadAsStringAsync());
            Assert.Equal(CsvHeaders, rows[0]);
            Assert.Equal(new[] { $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}", "Children", string.Empty, string.Empty, string.Empty, $"{children.Count}" }, rows[1]);
            var cells = report.GetProperty("tables").EnumerateArray().SelectMany(t => t.GetProperty("rows").EnumerateArray().SelectMany(r => r.GetProperty("cells").EnumerateArray())).Select(Shown).ToList();
            Assert.Equal(cells.Select(c => c?.ToString(CultureInfo.InvariantCulture) ?? "fewer than 5"), rows.Skip(2).Select(r => r[5]));
            Assert.Contains(AsianIndianNoneStarted, rows.Select(r => r.Skip(1).ToArray()));
            Assert.Contains(BlackAfricanStarted, rows.Select(r => r.Skip(1).ToArray()));
        }

        // A case manager may not take the view away either; each export is in the audit trail as an export.
        using var caseManager = await factory.SignedInAsync("casemanager@demo.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/api/v1/reports/fairness/csv?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var period = $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}";
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.EntityType == "FairnessReport" && e.EntityId == period && e.Action == Domain.Audit.AuditAction.Export));
    }

    private static List<string[]> ParseCsv(string text)
    {
        using var parser = new CsvHelper.CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
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
