using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.IntegrationTests.Outcomes.ShownCounts;
using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>
/// The cohort outcome report (issue 19) on both databases: the work closed in a period and what followed, worked out
/// from rows the test records and checked against the test's own split, first-time entrants and suppression.
/// </summary>
public abstract class CohortReportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly string[] Outcomes = ["NoFurtherOffence", "SameOrLesserSeriousness", "GreaterSeriousness", "InFollowUp"];

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>One piece of work: days since it closed, the incident's gravity, and a later offence (days after closing, gravity, a caution).</summary>
    private sealed record Work(int ClosedDaysAgo, int Gravity, (int After, int Gravity, bool Caution)? Offence);

    /// <summary>One row of counts whose total is published, as decision 0048 says it is shown: 1 to 4 hidden, then one more if only one is.</summary>
    private static int?[] Published(int[] counts)
    {
        var hidden = counts.Select(c => c is >= 1 and <= 4).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, counts.Length).Where(i => !hidden[i]).OrderBy(i => counts[i] == 0 ? 1 : 0).ThenBy(i => counts[i]).First();
            hidden[next] = true;
        }

        return counts.Select((c, i) => hidden[i] ? (int?)null : c).ToArray();
    }

    [SkippableFact]
    public async Task CohortReport_FromKnownRows_AgreesWithTheTestsOwnSplitEntrantsAndSuppression()
    {
        using var client = await factory.SignedInAsync("teammanager@demo.example");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var work = Enumerable.Repeat(new Work(400, 2, null), 6)
            .Concat(Enumerable.Repeat(new Work(400, 3, (100, 2, true)), 5))
            .Concat(Enumerable.Repeat(new Work(380, 2, (60, 3, false)), 2))
            .Append(new Work(30, 2, null))
            .Append(new Work(600, 2, (30, 4, true)))
            .ToList();
        var ids = new List<Guid>();
        foreach (var w in work)
        {
            var (caseId, _) = await TestCases.NewCaseAsync(client);
            ids.Add(caseId);
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Day(0), exitServices = Array.Empty<string>() })).StatusCode);
            await factory.BackdateAsync(caseId, today.AddDays(-w.ClosedDaysAgo));
            await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/disposals", new { incident = "Criminal damage", incidentOn = Day(-w.ClosedDaysAgo - 60), gravityScore = w.Gravity }));
            if (w.Offence is { } o)
            {
                var on = Day(-w.ClosedDaysAgo + o.After);
                await CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/later-offences", new { offenceOn = on, offenceType = "Assault", gravityScore = o.Gravity, source = "PoliceNationalComputer", outcome = o.Caution ? "YouthCaution" : "NotYetKnown", outcomeOn = o.Caution ? on : null }));
            }
        }

        // The test's own reading: the period holds the work closed 30 to 400 days ago; the window is 12 months.
        var (from, to) = (today.AddDays(-450), today);
        var inPeriod = work.Select((w, i) => (Work: w, Id: ids[i])).Where(x => today.AddDays(-x.Work.ClosedDaysAgo) >= from).ToList();
        string OutcomeOf(Work w) => w.Offence is { } o ? (o.Gravity > w.Gravity ? "GreaterSeriousness" : "SameOrLesserSeriousness") : today > today.AddDays(-w.ClosedDaysAgo).AddMonths(12) ? "NoFurtherOffence" : "InFollowUp";
        var counts = Outcomes.Select(o => inPeriod.Count(x => OutcomeOf(x.Work) == o)).ToArray();
        var entrants = inPeriod.Where(x => x.Work.Offence is { Caution: true }).Select(x => x.Id).ToList();

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohort?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(inPeriod.Count, report.GetProperty("children").GetInt32());
        var shown = report.GetProperty("outcomes").EnumerateArray().ToDictionary(o => o.GetProperty("outcome").GetString()!, o => Shown(o.GetProperty("children")));
        Assert.Equal(Outcomes.Zip(Published(counts)).ToDictionary(p => p.First, p => p.Second), shown);
        Assert.Equal(Published([entrants.Count, inPeriod.Count - entrants.Count])[0], Shown(report.GetProperty("firstTimeEntrants")));

        // Every figure has its list of children, and the lists are the test's own.
        var lesser = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohort/children?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&figure=Outcome&measure=SameOrLesserSeriousness");
        Assert.Equal(inPeriod.Where(x => OutcomeOf(x.Work) == "SameOrLesserSeriousness").Select(x => x.Id).Order(), lesser.EnumerateArray().Select(c => c.GetProperty("caseId").GetGuid()).Order());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/cohort/children?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&figure=FirstTimeEntrants");
        Assert.Equal(entrants.Order(), listed.EnumerateArray().Select(c => c.GetProperty("caseId").GetGuid()).Order());
        await RefusedAsync(await client.GetAsync($"/api/v1/reports/cohort/children?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&figure=Outcome&measure=Reoffended"), HttpStatusCode.BadRequest, "Choose a figure of the report.");
        await RefusedAsync(await client.GetAsync($"/api/v1/reports/cohort?from={to:yyyy-MM-dd}&to={from:yyyy-MM-dd}"), HttpStatusCode.BadRequest, "The last day must be the same as or after the first day.");

        // The CSV leaves the system, so it is in the audit trail.
        var csv = await client.GetAsync($"/reports/cohort?handler=Csv&FromDay={from.Day}&FromMonth={from.Month}&FromYear={from.Year}&ToDay={to.Day}&ToMonth={to.Month}&ToYear={to.Year}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Same or lesser", await csv.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.AuditLog.AnyAsync(e => e.EntityType == "CohortReport" && e.Action == Domain.Audit.AuditAction.Export));
    }
}

public sealed class SqliteCohortReportTests(SqliteAppFactory factory) : CohortReportTests<SqliteAppFactory>(factory);

public sealed class PostgresCohortReportTests(PostgresAppFactory factory) : CohortReportTests<PostgresAppFactory>(factory);

public sealed class SqlServerCohortReportTests(SqlServerAppFactory factory) : CohortReportTests<SqlServerAppFactory>(factory);
