using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Tells a database that is too busy to answer now (every pooled connection in use, SQLite's write lock held past its
/// time-out, a lock or statement time-out) from a fault: the first is answered 503 with Retry-After, so the client sends
/// again later, and never 500 (decision 0068).
/// </summary>
public static class DatabaseOverload
{
    /// <summary>How long a client is asked to wait before sending again, in seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public static bool IsOverload(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e switch
            {
                // SQLITE_BUSY and SQLITE_LOCKED: another connection held the lock for the whole time-out.
                SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,

                // 53xxx: the server is out of connections or resources; 55P03: a lock not granted in time; 57014: a statement time-out.
                PostgresException postgres => postgres.SqlState.StartsWith("53", StringComparison.Ordinal) || postgres.SqlState is "55P03" or "57014",

                // The pool had no connection free within its time-out; or a command waited past its own.
                NpgsqlException npgsql => npgsql.InnerException is TimeoutException || npgsql.Message.Contains("pool has been exhausted", StringComparison.OrdinalIgnoreCase),

                // -2: a command time-out; 1205: chosen as a deadlock victim; 1222: a lock time-out.
                Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is -2 or 1205 or 1222,

                // SqlClient's pool has no exception of its own for having no connection free.
                InvalidOperationException pool => pool.Message.Contains("obtaining a connection from the pool", StringComparison.OrdinalIgnoreCase),
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }
}
