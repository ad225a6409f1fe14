using CaseManagement.Domain.Cases;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>The scale seeder (behind the <c>seed</c> command) on both databases: every state of the work, and figures that agree with it.</summary>
public abstract class ScaleSeederTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Seed_ThreeHundredChildren_GivesEveryStateOfTheWork_AndTheDashboardCountsIt()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var scopes = new List<AsyncServiceScope>();
        AppDbContext NewContext()
        {
            var scope = factory.Services.CreateAsyncScope();
            scopes.Add(scope);
            return scope.ServiceProvider.GetRequiredService<AppDbContext>();
        }

        var db = NewContext();
        var team = await db.Teams.FirstAsync();
        var sian = await scopes[0].ServiceProvider.GetRequiredService<UserManager<CaseManagement.Infrastructure.Identity.ApplicationUser>>().FindByEmailAsync("casemanager@demo.example");
        var auditBefore = await db.AuditLog.CountAsync();

        var result = await ScaleSeeder.SeedAsync(NewContext, team.Id, [sian!.Id], 300, 7, DateTime.UtcNow, CancellationToken.None, batchSize: 100);

        var check = NewContext();
        var seeded = check.Cases.Where(c => check.Referrals.Any(r => r.CaseId == c.Id && r.Reference.StartsWith("R-S")));
        Assert.Equal(300, await check.Referrals.CountAsync(r => r.Reference.StartsWith("R-S")));
        Assert.Equal(result.Cases, await seeded.CountAsync());
        Assert.True(await seeded.CountAsync(c => c.Status == CaseStatus.WaitingForAllocation) > 0);
        Assert.True(await seeded.CountAsync(c => c.Status == CaseStatus.Open && c.CaseManagerUserId == sian.Id) > 0);
        Assert.True(await seeded.CountAsync(c => c.Status == CaseStatus.Closed) > 0);
        Assert.True(result.Assessments > 0 && result.Reviews > 0);
        Assert.True(result.Contacts > result.Cases / 2 && result.Interventions > 0 && result.OnwardReferrals > 0, result.ToString());

        // The last contact kept on each case is the latest attended contact of its rows (decision 0039).
        var attended = await check.Contacts.Where(c => c.Outcome == Domain.Work.ContactOutcome.Attended && c.ChildTookPart)
            .GroupBy(c => c.CaseId).Select(g => new { CaseId = g.Key, Latest = g.Max(c => c.StartsAtUtc) }).ToListAsync();
        var lastContacts = await seeded.Select(c => new { c.Id, c.LastContactOn }).ToListAsync();
        Assert.NotEmpty(attended);
        Assert.All(lastContacts, k => Assert.Equal(
            attended.SingleOrDefault(a => a.CaseId == k.Id) is { } a ? DateOnly.FromDateTime(a.Latest) : null,
            k.LastContactOn));
        Assert.True(await check.TimelineEntries.CountAsync(e => seeded.Any(c => c.Id == e.CaseId)) >= result.Cases);
        Assert.Equal(auditBefore, await check.AuditLog.CountAsync());

        var dashboard = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(await check.Cases.CountAsync(c => c.TeamId == team.Id && c.Status == CaseStatus.WaitingForAllocation), dashboard.GetProperty("waitingForAllocation").GetInt32());
        var sianLoad = dashboard.GetProperty("caseloads").EnumerateArray().Single(c => c.GetProperty("caseManagerUserId").GetGuid() == sian.Id);
        Assert.Equal(await check.Cases.CountAsync(c => c.CaseManagerUserId == sian.Id && c.Status == CaseStatus.Open), sianLoad.GetProperty("openCases").GetInt32());

        // The weighted caseload the case rows keep equals the one worked out afresh from each case's latest assessment.
        var sianCases = await check.Cases.AsNoTracking().Where(c => c.CaseManagerUserId == sian.Id && c.Status == CaseStatus.Open)
            .Select(c => new { c.Id, c.EnhancedCaseManagement }).ToListAsync();
        var ids = sianCases.Select(c => c.Id).ToList();
        var latest = (await check.Assessments.AsNoTracking().Where(a => ids.Contains(a.CaseId)).Select(a => new { a.CaseId, a.Number, a.Reoffending, a.SeriousHarm, a.Wellbeing }).ToListAsync())
            .GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Number)!);
        var expected = sianCases.Sum(c => latest.TryGetValue(c.Id, out var a) ? CaseWeights.Of(c.EnhancedCaseManagement, a.Reoffending, a.SeriousHarm, a.Wellbeing) : CaseWeights.Of(c.EnhancedCaseManagement, null, null, null));
        Assert.Equal(expected, sianLoad.GetProperty("weightedLoad").GetInt32());
        Assert.True(expected > sianLoad.GetProperty("openCases").GetInt32());

        // The waiting list's first page is the one worked out from the referrals: urgent first, then the earliest referred.
        var waitingRows = await check.Cases.AsNoTracking().Where(c => c.TeamId == team.Id && c.Status == CaseStatus.WaitingForAllocation).Select(c => c.Id).ToListAsync();
        var referrals = await check.Referrals.AsNoTracking().Where(r => r.CaseId != null && waitingRows.Contains(r.CaseId.Value))
            .Select(r => new { CaseId = r.CaseId!.Value, r.Urgency, r.ReceivedAtUtc }).ToListAsync();
        var expectedOrder = referrals.GroupBy(r => r.CaseId)
            .OrderByDescending(g => g.Any(r => r.Urgency == Domain.Referrals.ReferralUrgency.Urgent)).ThenBy(g => g.Min(r => r.ReceivedAtUtc)).ThenBy(g => g.Key)
            .Select(g => g.Key).Take(25).ToList();
        var firstPage = await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Waiting&pageSize=25");
        Assert.Equal(expectedOrder, firstPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList());

        // Migration 0010 fills the kept columns from the rows they summarise: cleared and filled again, they are as the domain wrote them.
        var kept = await KeptAsync(check);
        var script = MigrationScript.Embedded(factory.Provider).Single(m => m.Name.StartsWith("0010_", StringComparison.Ordinal)).Sql;
        await check.Database.ExecuteSqlRawAsync("""UPDATE cases SET "Weight" = 1, "Urgent" = ("Weight" < 0), "Priority" = 1, "FirstReferredAtUtc" = "OpenedAtUtc", "FirstReferralSource" = NULL, "Reoffending" = NULL, "SeriousHarm" = NULL, "Wellbeing" = NULL""");
        Assert.NotEqual(kept, await KeptAsync(check));
        foreach (var statement in script.Split(";\n").Select(Statement).Where(t => t.StartsWith("UPDATE", StringComparison.Ordinal)))
        {
            await check.Database.ExecuteSqlRawAsync(statement);
        }

        Assert.Equal(kept, await KeptAsync(check));

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
    }

    /// <summary>The text of one statement of a script, without its comment lines.</summary>
    private static string Statement(string text) =>
        string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim();

    private static async Task<List<string>> KeptAsync(AppDbContext db) =>
        (await db.Cases.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Priority, c.Urgent, c.FirstReferredAtUtc, c.FirstReferralSource, c.Reoffending, c.SeriousHarm, c.Wellbeing, c.Weight })
            .ToListAsync())
        .Select(c => $"{c.Id} {c.Priority} {c.Urgent} {c.FirstReferredAtUtc:O} {c.FirstReferralSource} {c.Reoffending} {c.SeriousHarm} {c.Wellbeing} {c.Weight}").ToList();
}

public sealed class SqliteScaleSeederTests(SqliteAppFactory factory) : ScaleSeederTests<SqliteAppFactory>(factory);

public sealed class PostgresScaleSeederTests(PostgresAppFactory factory) : ScaleSeederTests<PostgresAppFactory>(factory);

public sealed class SqlServerScaleSeederTests(SqlServerAppFactory factory) : ScaleSeederTests<SqlServerAppFactory>(factory);
