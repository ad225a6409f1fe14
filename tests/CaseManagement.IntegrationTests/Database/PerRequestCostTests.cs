using CaseManagement.Application.Cases.Commands.CloseCase;
using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// Decision 0111: what a request builds once for the app and what it builds for itself, and a save that finds its
/// changes once before describing them, on the app as it runs.
/// </summary>
public abstract class PerRequestCostTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task TwoRequests_ShareTheContextsOptionsAndAClockOnlyValidator_ButNotAValidatorThatReadsTheDatabase()
    {
        TestDatabase.Require(factory.Provider);
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();

        Assert.Same(first.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), second.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>());
        Assert.Same(first.ServiceProvider.GetRequiredService<IValidator<CloseCase>>(), second.ServiceProvider.GetRequiredService<IValidator<CloseCase>>());

        // The submission's validator asks the request's own database and user (is the team real, has the sender one team).
        Assert.NotSame(first.ServiceProvider.GetRequiredService<IValidator<SubmitReferral>>(), second.ServiceProvider.GetRequiredService<IValidator<SubmitReferral>>());
        Assert.NotSame(first.ServiceProvider.GetRequiredService<AppDbContext>(), second.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    [SkippableFact]
    public async Task ASave_FindsItsChangesTwice_AndAuditsAChangeTheTrackerHadNotYetSeen()
    {
        TestDatabase.Require(factory.Provider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var team = await db.Teams.OrderBy(t => t.Name).FirstAsync();
        var days = team.ReviewIntervalDays + 7;
        var finds = 0;
        db.ChangeTracker.DetectingAllChanges += (_, _) => finds++;

        team.SetReviewInterval(days);
        await db.SaveChangesAsync();

        // Once before the timeline, webhooks, attendance and audit passes read the tracker, once by the save itself
        // (before, each pass found them all again).
        Assert.Equal(2, finds);
        var id = team.Id.ToString();
        var sealedChanges = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == "Team" && e.EntityId == id && e.Action == AuditAction.Update).Select(e => e.Changes).ToListAsync();
        var waitingChanges = await db.UnsealedAudit.AsNoTracking().Where(e => e.EntityType == "Team" && e.EntityId == id && e.Action == AuditAction.Update).Select(e => e.Changes).ToListAsync();
        var changes = Assert.Single(sealedChanges.Concat(waitingChanges));
        Assert.Contains("ReviewIntervalDays", changes, StringComparison.Ordinal);
        Assert.Contains(days.ToString(System.Globalization.CultureInfo.InvariantCulture), changes, StringComparison.Ordinal);
    }
}

public sealed class SqlitePerRequestCostTests(SqliteAppFactory factory) : PerRequestCostTests<SqliteAppFactory>(factory);

public sealed class PostgresPerRequestCostTests(PostgresAppFactory factory) : PerRequestCostTests<PostgresAppFactory>(factory);
