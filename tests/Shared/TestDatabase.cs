using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Testing;

/// <summary>
/// A fresh, empty database of one provider, dropped when disposed: a SQLite app fixture's file, a database of the
/// PostgreSQL pool (reset by Respawn between tests), or a test's own (docs/decisions/0029-respawn-for-postgresql-tests.md);
/// on SQL Server, a database of its own on the server CASEMGMT_TEST_SQLSERVER names.
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

    public static bool IsAvailable(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSQL => TestRequirements.PostgresAdminConnectionString is not null,
        DatabaseProvider.SqlServer => TestRequirements.SqlServerAdminConnectionString is not null,
        _ => true,
    };

    /// <summary>
    /// Skips the calling test when the provider's server is absent; fails it instead under CASEMGMT_REQUIRE_ALL=1
    /// (PostgreSQL) or CASEMGMT_REQUIRE_SQLSERVER=1 (SQL Server, which CI cannot run).
    /// </summary>
    public static void Require(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            TestRequirements.Require(!IsAvailable(provider), $"SQL Server tests need {TestRequirements.SqlServerVariable} (a connection string of a login that may create databases); see docs/operations.md, \"SQL Server\".", TestRequirements.RequireSqlServer, TestRequirements.RequireSqlServerVariable);
            return;
        }

        TestRequirements.Require(!IsAvailable(provider), $"PostgreSQL tests need {TestRequirements.PostgresVariable} (an admin connection string); .ci/run starts a throwaway server and sets it.");
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string prefix = "cm_test_")
    {
        var name = prefix + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), name + ".db");
            var sqlite = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, Pooling = false, DefaultTimeout = 30 }.ToString();
            return new TestDatabase(provider, sqlite, path, null);
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            var server = TestRequirements.SqlServerAdminConnectionString
                ?? throw new InvalidOperationException($"{TestRequirements.SqlServerVariable} is not set.");
            await using (var connection = new SqlConnection(server))
            {
                await connection.OpenAsync();
#pragma warning disable DAP241 // A database name cannot be a parameter; this one is made here from a GUID.
                await using var create = new SqlCommand($"CREATE DATABASE [{name}]", connection);
#pragma warning restore DAP241
                await create.ExecuteNonQueryAsync();
            }

            return new TestDatabase(provider, new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ToString(), name, server);
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

        if (Provider == DatabaseProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await using var server = new SqlConnection(_adminConnectionString);
            await server.OpenAsync();
#pragma warning disable DAP241 // As in CreateAsync: the name is the one made there.
            await using var dropDatabase = new SqlCommand($"IF DB_ID(N'{_name}') IS NOT NULL BEGIN ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]; END", server);
#pragma warning restore DAP241
            await dropDatabase.ExecuteNonQueryAsync();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
