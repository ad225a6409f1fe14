using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// Decision 0108: on PostgreSQL the app's context prepares a statement it sends again on a connection and does not reset
/// a connection it gives back to the pool, unless the operator's connection string says otherwise.
/// </summary>
public sealed class ContextConnectionStringTests
{
    [Fact]
    public void OnPostgreSql_TheContextsConnectionPreparesAndStillResets_TheRestOfTheStringAsGiven()
    {
        var built = new NpgsqlConnectionStringBuilder(ProviderSetup.ForTheAppsContext(DatabaseProvider.PostgreSQL, "Host=db.example;Database=cases;Username=app;Password=secret"));

        Assert.Equal(ProviderSetup.StatementsPreparedAConnection, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.False(built.NoResetOnClose);
        Assert.Equal(("db.example", "cases", "app", "secret"), (built.Host, built.Database, built.Username, built.Password));
    }

    [Theory]
    [InlineData("Host=db.example;Database=cases;Max Auto Prepare=0;Auto Prepare Min Usages=5;No Reset On Close=true")]
    [InlineData("Host=db.example;Database=cases;maxautoprepare=0;AutoPrepareMinUsages=5;NoResetOnClose=true")]
    public void OnPostgreSql_WhatTheOperatorSet_IsKept(string given)
    {
        var built = new NpgsqlConnectionStringBuilder(ProviderSetup.ForTheAppsContext(DatabaseProvider.PostgreSQL, given));

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.Equal(5, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=/tmp/cases.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=db.example;Database=cases")]
    public void OnOtherDatabases_TheStringIsUnchanged(DatabaseProvider provider, string given) =>
        Assert.Equal(given, ProviderSetup.ForTheAppsContext(provider, given));
}

/// <summary>The same on the app as it runs: its context's connections, after a submission whose save sealed the audit chain.</summary>
public sealed class PostgresContextConnectionTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task AfterASubmission_AStatementSentTwiceIsPrepared_AndNoConnectionResting_InThePoolHoldsALock()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        using var client = await factory.SignedInAsync();

        // The submission's save takes the chain's lock to seal its audit entries after the commit (decision 0085).
        var sent = await client.PostAsJsonAsync("/api/v1/referrals", Api.ReferralApiTests<PostgresAppFactory>.ValidReferral("Gwilym", "Prepared"));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        Assert.Equal(ProviderSetup.StatementsPreparedAConnection, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);

        await db.Database.OpenConnectionAsync();
        try
        {
            // A statement of its own (the pooled database's connections keep what earlier tests prepared on them).
            for (var i = 0; i < 2; i++)
            {
                await db.Teams.Where(t => t.Name == "No such team (decision 0108)").Select(t => t.Id).ToListAsync();
            }

            var prepared = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_prepared_statements WHERE statement LIKE '%No such team (decision 0108)%' AND statement NOT LIKE '%pg_prepared_statements%'").SingleAsync();
            Assert.Equal(1, prepared);

            // A lock held by a connection that is idle outside a transaction can only be a session's lock, which a
            // connection given back unreset would hand to the next request. The chain's lock is a transaction's.
            var locksAtRest = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.datname = current_database() AND a.state = 'idle'").SingleAsync();
            Assert.Equal(0, locksAtRest);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
