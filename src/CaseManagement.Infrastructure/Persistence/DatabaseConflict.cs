using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Tells a save refused because another row already holds a unique value (a referral reference drawn twice, a key two
/// sends claimed at the same moment) from a fault: nothing of the request was kept and sending it again can succeed, so
/// the API answers 409, never 500 (decision 0095).
/// </summary>
public static class DatabaseConflict
{
    public static bool IsUniqueViolation(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e switch
            {
                // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
                SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
                PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,

                // 2601: a duplicate key in a unique index; 2627: in a unique or primary key constraint.
                Microsoft.Data.SqlClient.SqlException sqlServer => sqlServer.Number is 2601 or 2627,
                _ => false,
            })
            {
                return true;
            }
        }

        return false;
    }
}
