using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Every difference between the database providers lives here: SQLite, PostgreSQL and SQL Server.
/// </summary>
public static class ProviderSetup
{
    public static string ResolveConnectionString(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                if (!string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    return options.ConnectionString;
                }

                var file = SqliteFile(options, contentRoot);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                return new SqliteConnectionStringBuilder
                {
                    DataSource = file,
                    Cache = SqliteCacheMode.Default,
                    ForeignKeys = true,
                    Pooling = true,
                    DefaultTimeout = 30,
                }.ToString();
            case DatabaseProvider.PostgreSQL or DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException($"Database:ConnectionString is required when Database:Provider is {options.Provider}.");
                }

                return options.ConnectionString;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite, PostgreSQL or SqlServer.");
        }
    }

    /// <summary>
    /// The connection string the app's own context uses (decision 0108). On PostgreSQL, unless the operator's string says
    /// otherwise: a statement sent twice on a connection is prepared there (<c>Max Auto Prepare</c>, <c>Auto Prepare Min
    /// Usages</c>), so it is not parsed and planned again each time. A connection going back to the pool is still reset:
    /// with statements prepared, Npgsql's reset keeps them and the server's cached plans (it sends <c>DISCARD ALL</c> only
    /// for a connection with none), and it is the backstop should session state ever leak on a pool every request about a
    /// child uses (the merge review of 0108; measured, turning it off did not pay). The migration runner (a session lock)
    /// and the job store (LISTEN) keep the operator's string as it is, in pools of their own. Other providers: unchanged.
    /// </summary>
    public static string ForTheAppsContext(DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (provider != DatabaseProvider.PostgreSQL)
        {
            return connectionString;
        }

        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = StatementsPreparedAConnection;
        }

        if (!given.Contains("AUTOPREPAREMINUSAGES"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ToString();
    }

    /// <summary>How many statements a connection keeps prepared (the least used goes first): the app's hot statements with room.</summary>
    public const int StatementsPreparedAConnection = 100;

    /// <summary>The SQLite file the configuration names (its connection string's, or the one in the data folder), as a full path; nothing is created.</summary>
    public static string SqliteFile(DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? Path.Combine(Path.GetFullPath(options.DataDirectory, contentRoot), "casemanagement.db")
            : Path.GetFullPath(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.PostgreSQL => builder.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString),
            _ => throw new InvalidOperationException($"Database provider '{provider}' is not supported."),
        };

        // A save's audit entries are sealed into the chain straight after its transaction commits (decision 0085).
        return configured.AddInterceptors(Audit.AuditSealAfterCommit.Instance);
    }

    /// <summary>
    /// SQLite has no date-time type (times go in as ISO text) and SQL Server's datetime2 keeps no kind: on both, times
    /// must come back marked as UTC. PostgreSQL's timestamp with time zone does that itself.
    /// </summary>
    public static void ConfigureConventions(ModelConfigurationBuilder builder, bool timesComeBackWithoutKind)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (timesComeBackWithoutKind)
        {
            builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        }
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
