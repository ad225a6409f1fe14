using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Testing;

/// <summary>
/// A fresh, empty database of one provider, dropped when disposed: a SQLite app fixture's file, a database of the
/// PostgreSQL pool (reset by Respawn between tests), or a test's own (docs/decisions/0029-respawn-for-postgresql-tests.md).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnectionString;
    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string name, string? adminConnectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnectionString = adminConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static bool IsAvailable(DatabaseProvider provider) =>
        provider == DatabaseProvider.Sqlite || TestRequirements.PostgresAdminConnectionString is not null;

    /// <summary>Skips the calling test (or fails it under CASEMGMT_REQUIRE_ALL=1) when the provider's server is absent.</summary>
    public static void Require(DatabaseProvider provider) =>
        TestRequirements.Require(!IsAvailable(provider), $"PostgreSQL tests need {TestRequirements.PostgresVariable} (an admin connection string); .ci/run starts a throwaway server and sets it.");

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string prefix = "cm_test_")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            var sqlite = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false, DefaultTimeout = 30 }.ToString();
            return new TestDatabase(provider, sqlite, path, null);
        }

        var admin = TestRequirements.PostgresAdminConnectionString
            ?? throw new InvalidOperationException($"{TestRequirements.PostgresVariable} is not set.");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 20 };
        return new TestDatabase(provider, builder.ToString(), name, admin);
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_name + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
