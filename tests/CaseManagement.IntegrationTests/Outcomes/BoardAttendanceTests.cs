using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.IntegrationTests.Work.WorkApi;

namespace CaseManagement.IntegrationTests.Outcomes;

/// <summary>
/// Management board attendance (issue 19): an administrator records the board's meetings and who attended; the team
/// manager's quarterly return counts them, checked against the test's own count of what it recorded; audited.
/// </summary>
public abstract class BoardAttendanceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly string[] Partners = ["Police", "Probation", "ChildrensSocialCare", "Education", "Health"];
    private static readonly string[] Police = ["Police"];
    private static readonly string[] NotAPartner = ["Parish council"];

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task QuarterlyReturn_CountsTheBoardsMeetingsInTheQuarter_AsRecordedAndCorrected()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var teamId = await TeamOfAsync("teammanager@demo.example");
        var last = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3);
        var quarter = ((last.Month - 1) / 3) + 1;
        var from = new DateOnly(last.Year, ((quarter - 1) * 3) + 1, 1);

        // What the test records, the last word for each day winning; the day before the quarter is not counted.
        var recorded = new List<(DateOnly On, string[] Attended)>
        {
            (from.AddDays(3), ["Police", "Health"]),
            (from.AddDays(40), ["Police"]),
            (from.AddDays(3), ["Police", "Education", "Health"]),
            (from.AddDays(-1), ["Police", "Probation"]),
            (from.AddDays(60), []),
        };
        foreach (var (on, attended) in recorded)
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/teams/{teamId}/board-meetings/{on:yyyy-MM-dd}", new { attended });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        var inQuarter = recorded.Where(r => r.On >= from && r.On < from.AddMonths(3)).GroupBy(r => r.On).Select(g => g.Last().Attended).ToList();
        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/reports/kpi?year={from.Year}&quarter={quarter}");
        Assert.Equal(inQuarter.Count, report.GetProperty("boardMeetings").GetInt32());
        var board = report.GetProperty("board").EnumerateArray().ToDictionary(b => b.GetProperty("partner").GetString()!, b => b.GetProperty("attended").GetInt32());
        Assert.Equal(Partners.ToDictionary(p => p, p => inQuarter.Count(a => a.Contains(p))), board);

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/teams/{teamId}/board-meetings");
        Assert.Equal(4, listed.GetArrayLength());
        Assert.Equal(["Education", "Health", "Police"], listed.EnumerateArray().Single(m => m.GetProperty("heldOn").GetString() == $"{from.AddDays(3):yyyy-MM-dd}").GetProperty("attended").EnumerateArray().Select(a => a.GetString()!).Order().ToArray());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trail = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == "BoardMeeting").ToListAsync();
        Assert.Equal(4, trail.Count(e => e.Action == Domain.Audit.AuditAction.Create));
        Assert.Contains(trail, e => e.Action == Domain.Audit.AuditAction.Update && e.Changes != null && e.Changes.Contains("Education", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task RecordBoardMeeting_RefusesWhatCannotBeRecorded()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var teamId = await TeamOfAsync("teammanager@demo.example");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

        await RefusedAsync(await admin.PutAsJsonAsync($"/api/v1/teams/{teamId}/board-meetings/{tomorrow:yyyy-MM-dd}", new { attended = Police }), HttpStatusCode.BadRequest, "The date must be today or in the past.");
        var unknown = await admin.PutAsJsonAsync($"/api/v1/teams/{teamId}/board-meetings/2026-01-05", new { attended = NotAPartner });
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (unknown.StatusCode, unknown.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/teams/{Guid.NewGuid()}/board-meetings/2026-01-05", new { attended = Array.Empty<string>() })).StatusCode);

        // The team manager reads the return but does not record the board: that is the administrator's.
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PutAsJsonAsync($"/api/v1/teams/{teamId}/board-meetings/2026-01-05", new { attended = Array.Empty<string>() })).StatusCode);
    }

    private async Task<Guid> TeamOfAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.TeamMemberships.Where(m => m.UserId == userId).Select(m => m.TeamId).FirstAsync();
    }
}

public sealed class SqliteBoardAttendanceTests(SqliteAppFactory factory) : BoardAttendanceTests<SqliteAppFactory>(factory);

public sealed class PostgresBoardAttendanceTests(PostgresAppFactory factory) : BoardAttendanceTests<PostgresAppFactory>(factory);

public sealed class SqlServerBoardAttendanceTests(SqlServerAppFactory factory) : BoardAttendanceTests<SqlServerAppFactory>(factory);
