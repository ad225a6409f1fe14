using System.Net.Http.Json;
using System.Text.Json;
using CaseManagement.Domain.Cases;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Seeding;
using CaseManagement.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>The scale seeder (behind the <c>seed</c> command) on both databases: every state of the work, and figures that agree with it.</summary>
public abstract class ScaleSeederTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
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
        Assert.True(await check.TimelineEntries.CountAsync(e => seeded.Any(c => c.Id == e.CaseId)) >= result.Cases);
        Assert.Equal(auditBefore, await check.AuditLog.CountAsync());

        var dashboard = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/dashboard");
        Assert.Equal(await check.Cases.CountAsync(c => c.TeamId == team.Id && c.Status == CaseStatus.WaitingForAllocation), dashboard.GetProperty("waitingForAllocation").GetInt32());
        var sianLoad = dashboard.GetProperty("caseloads").EnumerateArray().Single(c => c.GetProperty("caseManagerUserId").GetGuid() == sian.Id);
        Assert.Equal(await check.Cases.CountAsync(c => c.CaseManagerUserId == sian.Id && c.Status == CaseStatus.Open), sianLoad.GetProperty("openCases").GetInt32());
        Assert.True(sianLoad.GetProperty("weightedLoad").GetInt32() >= sianLoad.GetProperty("openCases").GetInt32());

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
    }
}

public sealed class SqliteScaleSeederTests(SqliteAppFactory factory) : ScaleSeederTests<SqliteAppFactory>(factory);

public sealed class PostgresScaleSeederTests(PostgresAppFactory factory) : ScaleSeederTests<PostgresAppFactory>(factory);
