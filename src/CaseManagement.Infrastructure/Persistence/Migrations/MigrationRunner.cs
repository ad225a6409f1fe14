using System.Data.Common;
using System.Globalization;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence.Migrations;

/// <summary>
/// Applies the SQL scripts of db/migrations in order and records each in a journal table
/// (name, checksum, time applied). A script that changed after it was applied is refused.
/// On PostgreSQL an advisory lock makes a second instance wait instead of migrating too; on SQL Server an
/// application lock (sp_getapplock) does; on SQLite an immediate transaction does the same.
/// A baseline script (<c>NNNN_baseline.sql</c>) stands for every migration up to its number and is applied only to an
/// empty database (docs/decisions/0042).
/// </summary>
public sealed partial class MigrationRunner(DatabaseProvider provider, string connectionString, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    public const string JournalTable = "schema_migrations";

    // An arbitrary constant that names this application's migration lock among PostgreSQL advisory locks.
    private const long AdvisoryLockKey = 0x43_4D_47_4D_54_4D_49_47;

    // The same lock's name among SQL Server application locks.
    private const string AppLockResource = "casemanagement:migrations";

    public IReadOnlyList<MigrationScript> Scripts { get; init; } = MigrationScript.Embedded(provider);

    /// <summary>Applies every pending script; returns the names of those applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        return provider switch
        {
            DatabaseProvider.PostgreSQL => await MigratePostgresAsync((NpgsqlConnection)connection, cancellationToken),
            DatabaseProvider.SqlServer => await MigrateSqlServerAsync((SqlConnection)connection, cancellationToken),
            _ => await MigrateSqliteAsync((SqliteConnection)connection, cancellationToken),
        };
    }

    /// <summary>The scripts not yet applied; throws if an applied one has changed or vanished.</summary>
    public async Task<IReadOnlyList<MigrationScript>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        var applied = await ReadJournalAsync(connection, null, cancellationToken);
        return Compare(applied);
    }

    private DbConnection Open() => provider switch
    {
        DatabaseProvider.PostgreSQL => new NpgsqlConnection(connectionString),
        DatabaseProvider.SqlServer => new SqlConnection(connectionString),
        _ => new SqliteConnection(connectionString),
    };

    private async Task<IReadOnlyList<string>> MigratePostgresAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, $"CREATE TABLE IF NOT EXISTS {JournalTable} (name varchar(200) PRIMARY KEY, checksum char(64) NOT NULL, applied_at_utc timestamp with time zone NOT NULL)", cancellationToken);
            var pending = Compare(await ReadJournalAsync(connection, null, cancellationToken));
            var applied = new List<string>();
            foreach (var script in pending)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ApplyAsync(connection, transaction, script, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(script.Name);
            }

            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<string>> MigrateSqlServerAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        // Owned by the session, so it outlives each script's transaction and goes with the connection if the app dies.
        await using (var take = connection.CreateCommand())
        {
            take.CommandText = "sp_getapplock";
            take.CommandType = System.Data.CommandType.StoredProcedure;
            take.CommandTimeout = 0;
            take.Parameters.AddWithValue("@Resource", AppLockResource);
            take.Parameters.AddWithValue("@LockMode", "Exclusive");
            take.Parameters.AddWithValue("@LockOwner", "Session");
            take.Parameters.AddWithValue("@LockTimeout", -1);
            var result = take.Parameters.Add("@Result", System.Data.SqlDbType.Int);
            result.Direction = System.Data.ParameterDirection.ReturnValue;
            await take.ExecuteNonQueryAsync(cancellationToken);
            if ((int)result.Value < 0)
            {
                throw new MigrationException($"Could not take the migration lock on SQL Server (sp_getapplock returned {result.Value}).");
            }
        }

        try
        {
            await ExecuteAsync(connection, null, $"IF OBJECT_ID(N'{JournalTable}', N'U') IS NULL CREATE TABLE {JournalTable} (name nvarchar(200) NOT NULL PRIMARY KEY, checksum nchar(64) NOT NULL, applied_at_utc datetime2 NOT NULL)", cancellationToken);
            var pending = Compare(await ReadJournalAsync(connection, null, cancellationToken));
            var applied = new List<string>();
            foreach (var script in pending)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ApplyAsync(connection, transaction, script, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                applied.Add(script.Name);
            }

            return applied;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"EXEC sp_releaseapplock @Resource = N'{AppLockResource}', @LockOwner = 'Session'", CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<string>> MigrateSqliteAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers carry on while the app writes; the setting is stored in the database file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);
        // BEGIN IMMEDIATE takes the write lock at once: a second instance waits here, then finds nothing pending.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {JournalTable} (name TEXT NOT NULL PRIMARY KEY, checksum TEXT NOT NULL, applied_at_utc TEXT NOT NULL)", cancellationToken);
        var pending = Compare(await ReadJournalAsync(connection, transaction, cancellationToken));
        foreach (var script in pending)
        {
            await ApplyAsync(connection, transaction, script, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return pending.Select(s => s.Name).ToList();
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        LogApplying(logger, script.Name);
        try
        {
            // T-SQL scripts come in batches separated by GO lines (CREATE TRIGGER must begin its own batch).
            foreach (var batch in provider == DatabaseProvider.SqlServer ? MigrationScript.Batches(script.Sql) : [script.Sql])
            {
                await ExecuteAsync(connection, transaction, batch, cancellationToken);
            }
        }
        catch (DbException ex)
        {
            throw new MigrationException($"Migration {script.Name} failed: {ex.Message}", ex);
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {JournalTable} (name, checksum, applied_at_utc) VALUES (@name, @checksum, @applied)";
        AddParameter(insert, "@name", script.Name);
        AddParameter(insert, "@checksum", script.Checksum);
        AddParameter(insert, "@applied", provider is DatabaseProvider.PostgreSQL or DatabaseProvider.SqlServer
            ? clock.GetUtcNow().UtcDateTime
            : clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private List<MigrationScript> Compare(IReadOnlyDictionary<string, string> applied)
    {
        var known = Scripts.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var vanished = applied.Keys.Where(name => !known.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        if (vanished.Count > 0)
        {
            throw new MigrationException($"The database has migrations this build does not know: {string.Join(", ", vanished)}. It was migrated by a newer version of the app, or a script was renamed or deleted.");
        }

        if (applied.Count > 0 && Scripts.FirstOrDefault(s => s.IsBaseline && !applied.ContainsKey(s.Name)) is { } baseline)
        {
            throw new MigrationException($"{baseline.Name} creates the whole schema up to its number and is applied only to an empty database, but this one already has migrations. Migrate it with the build that made it, or start from an empty database.");
        }

        foreach (var script in Scripts)
        {
            if (applied.TryGetValue(script.Name, out var checksum) && !string.Equals(checksum, script.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new MigrationException($"Migration {script.Name} was changed after it was applied (checksum in the journal {checksum}, script now {script.Checksum}). Restore the script as it was and add the change as a new script.");
            }
        }

        return Scripts.Where(s => !applied.ContainsKey(s.Name)).ToList();
    }

    private async Task<Dictionary<string, string>> ReadJournalAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var journal = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!await JournalExistsAsync(connection, transaction, cancellationToken))
        {
            return journal;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT name, checksum FROM {JournalTable}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            journal[reader.GetString(0)] = reader.GetString(1).Trim();
        }

        return journal;
    }

    private async Task<bool> JournalExistsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = provider switch
        {
            DatabaseProvider.PostgreSQL => $"SELECT to_regclass('{JournalTable}') IS NOT NULL",
            DatabaseProvider.SqlServer => $"SELECT CAST(CASE WHEN OBJECT_ID(N'{JournalTable}', N'U') IS NULL THEN 0 ELSE 1 END AS bit)",
            _ => $"SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = '{JournalTable}'",
        };
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL comes from the project's own migration scripts and constants, never from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying database migration {Script}")]
    private static partial void LogApplying(ILogger logger, string script);
}
