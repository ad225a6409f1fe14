using System.Globalization;
using CaseManagement.Application.Records.Retention.Commands.ListRetentionDue;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>
/// The attendance kept per team, case manager and day (decision 0056) against the contacts it counts, after every
/// change that moves it: a contact recorded, corrected (its date, then its outcome), rearranged, its case reallocated,
/// and the child's record destroyed under the retention schedule. The team manager's figures are checked too.
/// </summary>
public abstract class KeptAttendanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task KeptFigures_MatchTheContacts_AfterRecordCorrectRearrangeReallocateAndDestroy()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);
        var choices = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices")).GetProperty("caseManagers").EnumerateArray().ToList();
        Guid Person(string name) => choices.Single(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        var (sian, gareth) = (Person("Siân Evans"), Person("Gareth Morgan"));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = sian })).StatusCode);

        var early = await RecordAsync(manager, caseId, 9, "Attended");
        var missed = await RecordAsync(manager, caseId, 7, "DidNotAttend");
        var moved = await RecordAsync(manager, caseId, 6, "Attended");
        await RecordAsync(manager, caseId, 4, "Cancelled");
        await ExpectAsync(manager, sian, (2, 1));

        // Corrected: the first contact was twenty days ago, outside the last fortnight.
        var read = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{early}");
        var changed = await manager.PutAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{early}", new
        {
            revision = read.GetProperty("revision").GetInt32(), day = Day(20), time = "10:00", lengthMinutes = 30, kind = "Office", childTookPart = true, summary = "Met at the office.",
        });
        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        await ExpectAsync(manager, sian, (1, 1));

        // Corrected outcome: the child came after all.
        Assert.Equal(HttpStatusCode.OK, (await OutcomeAsync(manager, caseId, missed, new { outcome = "Attended", summary = "Came late." })).StatusCode);
        await ExpectAsync(manager, sian, (2, 0));

        // Rearranged: no longer a contact the child was expected at; the new one is planned.
        var rearranged = await OutcomeAsync(manager, caseId, moved, new { outcome = "Rearranged", newDay = Today.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), newTime = "10:00" });
        Assert.True(rearranged.StatusCode == HttpStatusCode.OK, await rearranged.Content.ReadAsStringAsync());
        await ExpectAsync(manager, sian, (1, 0));

        // Reallocated: the figures follow the case to its new case manager.
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/allocation", new { caseManagerUserId = gareth })).StatusCode);
        await ExpectAsync(manager, gareth, (1, 0));

        // Destroyed under the retention schedule: the contacts' words go, the figures stay.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin/retention-rules/ClosedCase", new { yearsAfter = 0, untilAge = (int?)null })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Day(0), exitServices = Array.Empty<string>() })).StatusCode);
        await factory.Services.SendAsSystemAsync(new ListRetentionDue());
        var review = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/retention")).EnumerateArray().Single(r => r.GetProperty("childId").GetString() == childId.ToString());
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId = review.GetProperty("id").GetGuid() })).StatusCode);
        await ExpectAsync(manager, gareth, (1, 0));
    }

    private static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> RecordAsync(HttpClient client, Guid caseId, int daysAgo, string outcome) =>
        await WorkApi.CreatedIdAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            day = Day(daysAgo), time = "10:00", lengthMinutes = 30, kind = "Office", childTookPart = true, summary = "Met at the office.", outcome,
            cancelledBy = outcome == "Cancelled" ? "ParentOrCarer" : null, cancelReason = outcome == "Cancelled" ? "Unwell." : null,
        }));

    private static async Task<HttpResponseMessage> OutcomeAsync(HttpClient client, Guid caseId, Guid contactId, object outcome)
    {
        var revision = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/contacts/{contactId}")).GetProperty("revision").GetInt32();
        var body = JsonSerializer.SerializeToNode(outcome)!.AsObject();
        body["revision"] = revision;
        return await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts/{contactId}/outcome", body);
    }

    /// <summary>
    /// The kept rows are the contacts' own counts, day by day and by their case's manager now; the team manager's
    /// figures for the last fortnight are the rows' too, and <paramref name="caseManager"/>'s are <paramref name="expected"/>.
    /// </summary>
    private async Task ExpectAsync(HttpClient manager, Guid caseManager, (int Attended, int Missed) expected)
    {
        var from = Today.AddDays(-14);
        List<(Guid Manager, bool Attended)> inPeriod;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => c.Outcome == ContactOutcome.Attended || c.Outcome == ContactOutcome.DidNotAttend)
                .Join(db.Cases, c => c.CaseId, k => k.Id, (c, k) => new { c.TeamId, k.CaseManagerUserId, c.StartsAtUtc, c.Outcome })
                .ToListAsync();
            var counted = contacts
                .GroupBy(c => (c.TeamId, Manager: c.CaseManagerUserId ?? TeamAttendanceDay.NoCaseManager, Day: DateOnly.FromDateTime(c.StartsAtUtc)))
                .ToDictionary(g => g.Key, g => (g.Count(c => c.Outcome == ContactOutcome.Attended), g.Count(c => c.Outcome == ContactOutcome.DidNotAttend)));
            var kept = (await db.TeamAttendanceDays.AsNoTracking().ToListAsync())
                .Where(d => d.Attended + d.DidNotAttend > 0)
                .ToDictionary(d => (d.TeamId, Manager: d.CaseManagerUserId, d.Day), d => (d.Attended, d.DidNotAttend));
            Assert.Equal(counted.OrderBy(c => c.Key), kept.OrderBy(k => k.Key));
            inPeriod = contacts.Where(c => DateOnly.FromDateTime(c.StartsAtUtc) >= from)
                .Select(c => (Manager: c.CaseManagerUserId ?? TeamAttendanceDay.NoCaseManager, Attended: c.Outcome == ContactOutcome.Attended)).ToList();
        }

        var work = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work?from={from:yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var figures = work.GetProperty("attendance").EnumerateArray().ToDictionary(
            a => a.GetProperty("caseManagerUserId").ValueKind == JsonValueKind.Null ? TeamAttendanceDay.NoCaseManager : a.GetProperty("caseManagerUserId").GetGuid(),
            a => (a.GetProperty("attended").GetInt32(), a.GetProperty("didNotAttend").GetInt32()));
        Assert.Equal(expected, figures[caseManager]);
        Assert.Equal(
            inPeriod.GroupBy(c => c.Manager).ToDictionary(g => g.Key, g => (g.Count(c => c.Attended), g.Count(c => !c.Attended))).OrderBy(f => f.Key),
            figures.OrderBy(f => f.Key));
    }
}

public sealed class SqliteKeptAttendanceTests(SqliteAppFactory factory) : KeptAttendanceTests<SqliteAppFactory>(factory);

public sealed class PostgresKeptAttendanceTests(PostgresAppFactory factory) : KeptAttendanceTests<PostgresAppFactory>(factory);

public sealed class SqlServerKeptAttendanceTests(SqlServerAppFactory factory) : KeptAttendanceTests<SqlServerAppFactory>(factory);
