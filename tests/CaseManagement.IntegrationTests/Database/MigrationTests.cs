using System.Data.Common;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>The migration scripts and their runner, on an empty database of each provider.</summary>
public abstract class MigrationTests(DatabaseProvider provider)
{
    private MigrationRunner Runner(TestDatabase database, IReadOnlyList<MigrationScript>? scripts = null) =>
        new(provider, database.ConnectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance) { Scripts = scripts ?? MigrationScript.Embedded(provider) };

    [SkippableFact]
    public async Task MigrateAsync_EmptyDatabase_CreatesTheSchemaTheModelExpects()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);

        await Runner(database).MigrateAsync();

        var differences = (await SchemaSnapshot.ReadAsync(provider, database.ConnectionString)).DifferencesFrom(SchemaSnapshot.FromModel(provider));
        Assert.True(differences.Count == 0, "The migrated schema differs from the EF model:\n" + string.Join("\n", differences));
    }

    [SkippableFact]
    public async Task SchemaComparison_ScriptMissingAColumn_ReportsTheColumn()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var broken = MigrationScript.Embedded(provider)
            .Select(s => s with { Sql = string.Join('\n', s.Sql.Split('\n').Where(line => !line.TrimStart().StartsWith("\"Concerns\"", StringComparison.Ordinal))) })
            .ToList();
        Assert.NotEqual(MigrationScript.Embedded(provider).Sum(s => s.Sql.Length), broken.Sum(s => s.Sql.Length));

        await Runner(database, broken).MigrateAsync();

        var differences = (await SchemaSnapshot.ReadAsync(provider, database.ConnectionString)).DifferencesFrom(SchemaSnapshot.FromModel(provider));
        Assert.Contains(differences, d => d.StartsWith("missing from the database: column referrals.Concerns ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task MigrateAsync_RunTwice_AppliesEachScriptOnceAndJournalsIt()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var scripts = MigrationScript.Embedded(provider);

        var first = await Runner(database).MigrateAsync();
        var second = await Runner(database).MigrateAsync();

        Assert.Equal(scripts.Select(s => s.Name), first);
        Assert.Empty(second);
        Assert.Empty(await Runner(database).PendingAsync());
        var journal = await JournalAsync(database);
        Assert.Equal(scripts.Select(s => (s.Name, s.Checksum)), journal);
    }

    [SkippableFact]
    public async Task MigrateAsync_AppliedScriptChanged_IsRefusedWithAClearError()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database).MigrateAsync();
        var edited = MigrationScript.Embedded(provider).Select(s => s with { Sql = s.Sql + "\n-- an edit after the fact\n" }).ToList();

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(database, edited).MigrateAsync());

        Assert.Contains("0001_initial.sql was changed after it was applied", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MigrationException>(() => Runner(database, edited).PendingAsync());
    }

    [SkippableFact]
    public async Task MigrateAsync_NewScript_IsPendingThenApplied()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database).MigrateAsync();
        var withNext = MigrationScript.Embedded(provider).Append(new MigrationScript("9999_probe.sql", "CREATE TABLE probe (id integer NOT NULL PRIMARY KEY);")).ToList();

        var pending = await Runner(database, withNext).PendingAsync();
        var applied = await Runner(database, withNext).MigrateAsync();

        Assert.Equal("9999_probe.sql", Assert.Single(pending).Name);
        Assert.Equal(["9999_probe.sql"], applied);
    }

    [SkippableFact]
    public async Task MigrateAsync_BaselineOnADatabaseThatHasMigrations_IsRefusedWithAClearError()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database).MigrateAsync();
        var withBaseline = MigrationScript.Embedded(provider).Prepend(new MigrationScript("0000_baseline.sql", "CREATE TABLE probe (id integer NOT NULL PRIMARY KEY);")).ToList();

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner(database, withBaseline).MigrateAsync());

        Assert.StartsWith("0000_baseline.sql creates the whole schema up to its number and is applied only to an empty database", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MigrateAsync_TwoInstancesAtOnce_OnlyOneAppliesEachScript()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);

        // A slow script widens the window in which a second instance without the lock would start the same work.
        var slow = provider == DatabaseProvider.PostgreSQL ? "SELECT pg_sleep(0.5);" : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000) SELECT count(*) FROM n;";
        var scripts = MigrationScript.Embedded(provider).Append(new MigrationScript("9999_slow.sql", slow + "\nCREATE TABLE probe (id integer NOT NULL PRIMARY KEY);")).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Runner(database, scripts).MigrateAsync())));

        Assert.Equal(scripts.Count, results.Sum(r => r.Count));
        Assert.Equal(scripts.Select(s => s.Name), (await JournalAsync(database)).Select(j => j.Name));
    }

    [SkippableFact]
    public async Task MigrateAsync_DatabaseThatRanQuartz_RemovesEveryQuartzTable()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await Runner(database, MigrationScript.Embedded(provider).Where(s => string.CompareOrdinal(s.Name, "0015") < 0).ToList()).MigrateAsync();

        // What Quartz provisioned for itself (a few of its tables, with its foreign keys), as a server running jobs left it.
        var prefix = provider == DatabaseProvider.Sqlite ? "QRTZ_" : "qrtz_";
        await ExecuteAsync(database, string.Join('\n', [
            $"CREATE TABLE {prefix}JOB_DETAILS (sched_name varchar(120) NOT NULL, job_name varchar(200) NOT NULL, PRIMARY KEY (sched_name, job_name));",
            $"CREATE TABLE {prefix}TRIGGERS (sched_name varchar(120) NOT NULL, trigger_name varchar(200) NOT NULL, job_name varchar(200) NOT NULL, PRIMARY KEY (sched_name, trigger_name), FOREIGN KEY (sched_name, job_name) REFERENCES {prefix}JOB_DETAILS (sched_name, job_name));",
            $"CREATE TABLE {prefix}CRON_TRIGGERS (sched_name varchar(120) NOT NULL, trigger_name varchar(200) NOT NULL, PRIMARY KEY (sched_name, trigger_name), FOREIGN KEY (sched_name, trigger_name) REFERENCES {prefix}TRIGGERS (sched_name, trigger_name));",
            $"CREATE TABLE {prefix}LOCKS (sched_name varchar(120) NOT NULL, lock_name varchar(40) NOT NULL, PRIMARY KEY (sched_name, lock_name));",
            $"INSERT INTO {prefix}JOB_DETAILS VALUES ('scheduler', 'review-reminders');",
            $"INSERT INTO {prefix}TRIGGERS VALUES ('scheduler', 'review-reminders-schedule', 'review-reminders');",
            $"INSERT INTO {prefix}CRON_TRIGGERS VALUES ('scheduler', 'review-reminders-schedule');"]));

        await Runner(database).MigrateAsync();

        var tables = provider == DatabaseProvider.Sqlite
            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND lower(name) LIKE 'qrtz%'"
            : "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz%'";
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(database, tables), System.Globalization.CultureInfo.InvariantCulture));
        var differences = (await SchemaSnapshot.ReadAsync(provider, database.ConnectionString)).DifferencesFrom(SchemaSnapshot.FromModel(provider));
        Assert.Empty(differences);
    }

    private DbConnection Connect(TestDatabase database) =>
        provider == DatabaseProvider.Sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);

    private async Task ExecuteAsync(TestDatabase database, string sql)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(TestDatabase database, string sql)
    {
        await using var connection = Connect(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task<List<(string Name, string Checksum)>> JournalAsync(TestDatabase database)
    {
        DbConnection connection = provider == DatabaseProvider.Sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name, checksum FROM {MigrationRunner.JournalTable} ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<(string, string)>();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetString(1).Trim()));
            }

            return rows;
        }
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.PostgreSQL);
