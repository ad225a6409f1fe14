using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL databases behind the app fixtures (docs/decisions/0029): each is created, migrated and seeded once per
/// test run, then handed from one test class to the next, so there are only as many as app fixtures run at once.
/// Dropped when the test run ends.
/// </summary>
public static class PostgresDatabasePool
{
    /// <summary>The pool's databases carry the test process's id, so that a later run can tell which ones were left behind.</summary>
    private const string Prefix = "cm_pool_";

    private static readonly ConcurrentBag<PooledPostgresDatabase> Free = [];
    private static readonly ConcurrentBag<PooledPostgresDatabase> Created = [];
    private static readonly Lazy<Task> Swept = new(SweepAsync);

    static PostgresDatabasePool() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    /// <summary>A database for one test class: a free one put back as it was just after seeding, or a new, empty one.</summary>
    public static async Task<PooledPostgresDatabase> RentAsync()
    {
        await Swept.Value;
        if (Free.TryTake(out var database))
        {
            await database.RestoreEverythingAsync();
            return database;
        }

        var created = new PooledPostgresDatabase(await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}_")));
        Created.Add(created);
        return created;
    }

    /// <summary>Hands the database back once the class's app has stopped; a database never seeded is dropped instead.</summary>
    public static async Task ReturnAsync(PooledPostgresDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.HasSnapshot)
        {
            Free.Add(database);
            return;
        }

        await database.Database.DisposeAsync();
    }

    /// <summary>
    /// Drops the pool databases of runs whose test process has gone: the test platform may stop the process before
    /// <see cref="DropAll"/> has finished. Those of a run still going (another worktree's, say) stay.
    /// </summary>
    private static async Task SweepAsync()
    {
        await using var connection = new NpgsqlConnection(TestRequirements.PostgresAdminConnectionString);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names.Where(n => int.TryParse(n[Prefix.Length..].Split('_')[0], CultureInfo.InvariantCulture, out var process) && !IsRunning(process)))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DropAll()
    {
        foreach (var database in Created)
        {
            try
            {
                database.Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server may be gone already (CI stops its throwaway cluster); nothing is left to drop.
            }
        }
    }
}

/// <summary>
/// One pooled database and a copy of its data as the app left it after migrating and seeding (schema
/// <c>snapshot</c>). Before each test, Respawn empties the tables of the work (children, referrals, cases and all
/// that hangs off them, jobs, notifications) and the demo rows are copied back. The accounts and what they hang on
/// (agencies, teams), the audit trail and the migrations journal are kept between the tests of a class, as the
/// sessions and two-factor keys the fixture keeps only work while they do; a new class gets all of them back too.
/// </summary>
public sealed class PooledPostgresDatabase(TestDatabase database)
{
    public const string SnapshotSchema = "snapshot";

    /// <summary>Kept between the tests of a class: the accounts (and their authenticator keys), the audit trail (with its waiting entries) and the journal; plus every table these point to.</summary>
    private static readonly string[] KeptBetweenTests =
    [
        MigrationRunner.JournalTable, "audit_entries",

        // Waiting to be sealed into audit_entries (decision 0085): kept with it, never emptied under it, and sealed before
        // each test (AppFactory.ResetAsync), so no test finds another's entries there. (The rows the sealer set aside are
        // work: emptied before each test, so one test's planted row is not the next one's finding.)
        "audit_entries_unsealed",
        "AspNetUsers", "AspNetRoles", "AspNetUserRoles", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "AspNetRoleClaims",
    ];

    private Respawner? _everything;
    private Respawner? _work;
    private Respawner? _hangfire;
    private string _restoreEverything = string.Empty;
    private string _restoreWork = string.Empty;
    private string? _keysDirectory;
    private byte[]? _checkpoints;

    public TestDatabase Database { get; } = database;

    public string ConnectionString => Database.ConnectionString;

    public bool HasSnapshot => _everything is not null;

    /// <summary>The tables emptied and refilled before each test.</summary>
    public IReadOnlyList<string> WorkTables { get; private set; } = [];

    /// <summary>Copies every table (and the audit checkpoint file, which must agree with the trail) once the app has migrated and seeded the database.</summary>
    public async Task TakeSnapshotAsync(string keysDirectory)
    {
        _keysDirectory = keysDirectory;
        var checkpointFile = Path.Combine(keysDirectory, AuditKeys.CheckpointFileName);
        _checkpoints = File.Exists(checkpointFile) ? await File.ReadAllBytesAsync(checkpointFile) : null;

        await using var connection = await OpenAsync();
        var tables = await ListAsync(connection, "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname");
        var references = await ReferencesAsync(connection);
        var copied = tables.Where(t => t != MigrationRunner.JournalTable).ToList();

        var snapshot = new StringBuilder($"DROP SCHEMA IF EXISTS {SnapshotSchema} CASCADE; CREATE SCHEMA {SnapshotSchema};");
        foreach (var table in copied)
        {
            snapshot.Append(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TABLE {SnapshotSchema}.\"{table}\" AS TABLE public.\"{table}\";");
        }

        await ExecuteAsync(connection, snapshot.ToString());

        var kept = Closure(KeptBetweenTests.Where(tables.Contains), references);
        WorkTables = copied.Where(t => !kept.Contains(t)).ToList();

        // Respawn truncates with CASCADE: a kept table pointing at an emptied one would be emptied with it.
        var wrong = references.Where(r => kept.Contains(r.From) && !kept.Contains(r.To)).ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException($"Kept tables refer to tables emptied before each test: {string.Join(", ", wrong)}.");
        }

        _restoreEverything = await RestoreSqlAsync(connection, InsertOrder(copied, references), withSequences: true);
        _restoreWork = await RestoreSqlAsync(connection, InsertOrder(WorkTables, references), withSequences: false);
        _everything = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("public", MigrationRunner.JournalTable)],
        });
        _work = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [.. kept.Select(t => new Table("public", t))],
        });
    }

    /// <summary>Before each test: the work's tables emptied by Respawn and the demo work copied back.</summary>
    public async Task ResetWorkAsync()
    {
        await using var connection = await OpenAsync();

        // The rows the sealer set aside are work, and their table refuses TRUNCATE as the trail does (decision 0099).
        await WithTruncateTriggersOffAsync(connection, WorkTables, () => _work!.ResetAsync(connection));
        await ExecuteAsync(connection, _restoreWork);
    }

    /// <summary>
    /// For the next test class: every table as it was after seeding, the audit checkpoints to match, and Hangfire's
    /// schema emptied (its version row kept), so no job, lock, server or schedule of the last class is left behind.
    /// </summary>
    public async Task RestoreEverythingAsync()
    {
        await using var connection = await OpenAsync();

        // The audit trail's tables refuse TRUNCATE by trigger; no app runs on the database between two classes.
        await WithTruncateTriggersOffAsync(connection, null, () => _everything!.ResetAsync(connection));

        await ExecuteAsync(connection, _restoreEverything);

        if (await ListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name <> 'schema'") is { Count: > 0 })
        {
            _hangfire ??= await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres,
                SchemasToInclude = [BackgroundJobs.PostgresSchema],
                TablesToIgnore = [new Table(BackgroundJobs.PostgresSchema, "schema")],
            });
            await _hangfire.ResetAsync(connection);
        }

        var checkpointFile = Path.Combine(_keysDirectory!, AuditKeys.CheckpointFileName);
        if (_checkpoints is null)
        {
            File.Delete(checkpointFile);
        }
        else
        {
            await File.WriteAllBytesAsync(checkpointFile, _checkpoints);
        }
    }

    /// <summary>
    /// Runs Respawn's TRUNCATE with the user triggers of the tables that refuse TRUNCATE (of those in <paramref name="tables"/>,
    /// or all) switched off, and on again afterwards whatever happens.
    /// </summary>
    private static async Task WithTruncateTriggersOffAsync(NpgsqlConnection connection, IReadOnlyList<string>? tables, Func<Task> reset)
    {
        var guarded = (await ListAsync(connection, "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgtype & 32 <> 0"))
            .Where(t => tables is null || tables.Contains(t)).ToList();
        await ExecuteAsync(connection, string.Concat(guarded.Select(t => $"ALTER TABLE public.\"{t}\" DISABLE TRIGGER USER;")));
        try
        {
            await reset();
        }
        finally
        {
            await ExecuteAsync(connection, string.Concat(guarded.Select(t => $"ALTER TABLE public.\"{t}\" ENABLE TRIGGER USER;")));
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        // Its own pool: a reset never waits for a connection the app holds.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = "respawn", Pooling = false };
        var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Inserts parents before children (a table referring to itself is copied in one statement, which PostgreSQL checks at its end), then puts the sequences back.</summary>
    private static async Task<string> RestoreSqlAsync(NpgsqlConnection connection, IReadOnlyList<string> tables, bool withSequences)
    {
        var sql = new StringBuilder("BEGIN;");
        foreach (var table in tables)
        {
            var columns = await ListAsync(connection, $"SELECT quote_ident(a.attname) FROM pg_attribute a WHERE a.attrelid = 'public.\"{table}\"'::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum");
            var list = string.Join(", ", columns);
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"INSERT INTO public.\"{table}\" ({list}) OVERRIDING SYSTEM VALUE SELECT {list} FROM {SnapshotSchema}.\"{table}\";");
        }

        if (withSequences)
        {
            foreach (var sequence in await ListAsync(connection, "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences WHERE schemaname = 'public'"))
            {
                await using var command = new NpgsqlCommand($"SELECT last_value, is_called FROM {sequence}", connection);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                var value = reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var called = reader.GetBoolean(1) ? "true" : "false";
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"SELECT setval('{sequence}', {value}, {called});");
            }
        }

        return sql.Append("COMMIT;").ToString();
    }

    private static async Task<List<(string From, string To)>> ReferencesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT f.relname, t.relname FROM pg_constraint c JOIN pg_class f ON f.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid " +
            "JOIN pg_namespace n ON n.oid = f.relnamespace WHERE c.contype = 'f' AND n.nspname = 'public'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var references = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            references.Add((reader.GetString(0), reader.GetString(1)));
        }

        return references;
    }

    /// <summary>The tables named, and every table they refer to, however indirectly.</summary>
    private static HashSet<string> Closure(IEnumerable<string> tables, List<(string From, string To)> references)
    {
        var closure = new HashSet<string>(tables, StringComparer.Ordinal);
        var grown = true;
        while (grown)
        {
            grown = false;
            foreach (var (from, to) in references)
            {
                grown |= closure.Contains(from) && closure.Add(to);
            }
        }

        return closure;
    }

    private static List<string> InsertOrder(IReadOnlyCollection<string> tables, List<(string From, string To)> references)
    {
        var ordered = new List<string>();
        var left = new HashSet<string>(tables, StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var ready = left.Where(t => !references.Any(r => r.From == t && r.To != t && left.Contains(r.To))).Order(StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The tables {string.Join(", ", left)} refer to each other in a cycle; copy them back another way.");
            }

            ordered.AddRange(ready);
            left.ExceptWith(ready);
        }

        return ordered;
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
