using System.Globalization;
using System.Net.Sockets;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// Says in one line, for the person starting the app, why the database could not be used and what to do: a missing
/// database, a server that does not answer, a refused password, a SQLite file that cannot be opened. The app prints it
/// and exits instead of dying with a stack trace. Never names the password.
/// </summary>
public static class DatabaseProblem
{
    /// <summary>The line for <paramref name="exception"/>, or null when it is not a problem with reaching the database.</summary>
    public static string? Describe(Exception exception, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var cause in Causes(exception))
        {
            var line = cause switch
            {
                MigrationException migration => migration.Message,
                PostgresException postgres => Postgres(postgres, connectionString),
                NpgsqlException { InnerException: SocketException or TimeoutException or IOException } unreachable => Unreachable(unreachable.InnerException!, connectionString),
                SocketException socket when provider == DatabaseProvider.PostgreSQL => Unreachable(socket, connectionString),
                TimeoutException timeout when provider == DatabaseProvider.PostgreSQL => Unreachable(timeout, connectionString),
                SqliteException sqlite => Sqlite(sqlite, connectionString),
                SqlException sqlServer => SqlServer(sqlServer, connectionString),
                _ => null,
            };
            if (line is not null)
            {
                return line;
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (Exception? cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }

                yield break;
            }

            yield return cause;
        }
    }

    private static string? Postgres(PostgresException exception, string connectionString)
    {
        var target = PostgresTarget.From(connectionString);
        return exception.SqlState switch
        {
            PostgresErrorCodes.InvalidCatalogName =>
                $"The PostgreSQL server at {target.Server} has no database named '{target.Database}'. Create it (createdb -h {target.Host} -p {target.Port} -U {target.User} -O {target.User} {target.Database}) or correct Database:ConnectionString.",
            PostgresErrorCodes.InvalidPassword =>
                $"The PostgreSQL server at {target.Server} refused the password of the user '{target.User}'. Correct the Password in Database:ConnectionString (or set the user's password on the server).",
            PostgresErrorCodes.InvalidAuthorizationSpecification =>
                $"The PostgreSQL server at {target.Server} refused the user '{target.User}' ({exception.MessageText}). Check the Username in Database:ConnectionString and the server's pg_hba.conf.",
            PostgresErrorCodes.InsufficientPrivilege =>
                $"The PostgreSQL user '{target.User}' may not change the database '{target.Database}' at {target.Server} ({exception.MessageText}). Make the user the database's owner, or migrate with an account that may.",
            PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections =>
                $"The PostgreSQL server at {target.Server} is not taking connections now ({exception.MessageText}). Start the app again once it is.",
            _ => null,
        };
    }

    private static string Unreachable(Exception cause, string connectionString)
    {
        var target = PostgresTarget.From(connectionString);
        var reason = cause is SocketException socket ? socket.SocketErrorCode.ToString() : cause.GetType().Name;
        return $"Cannot reach the PostgreSQL server at {target.Server} ({reason}). Check that it is running and that Host and Port in Database:ConnectionString are right.";
    }

    private static string? SqlServer(SqlException exception, string connectionString)
    {
        string server, database, user;
        try
        {
            var builder = new SqlConnectionStringBuilder(connectionString);
            (server, database, user) = (builder.DataSource, builder.InitialCatalog, builder.IntegratedSecurity ? "(integrated security)" : builder.UserID);
        }
        catch (ArgumentException)
        {
            (server, database, user) = ("(unreadable connection string)", "(unknown)", "(unknown)");
        }

        // SQL Server's error numbers (sys.messages); the network ones come from the client before any server answers.
        return exception.Number switch
        {
            4060 => $"The SQL Server at {server} has no database named '{database}' that the login '{user}' may open. Create it (CREATE DATABASE [{database}]) or correct Initial Catalog in Database:ConnectionString.",
            18456 => $"The SQL Server at {server} refused the login '{user}'. Correct User ID and Password in Database:ConnectionString (or the login on the server).",
            229 or 262 or 2760 => $"The SQL Server login '{user}' may not change the database '{database}' at {server} ({exception.Message}). Make it the database's owner (db_owner), or migrate with an account that may.",
            _ when exception.Class >= 20 || exception.Number is -2 or 0 or 2 or 26 or 40 or 53 or 258 or 10060 or 10061 or 11001 =>
                $"Cannot reach the SQL Server at {server} (error {exception.Number.ToString(CultureInfo.InvariantCulture)}). Check that it is running and that Server in Database:ConnectionString is right.",
            _ => null,
        };
    }

    private static string? Sqlite(SqliteException exception, string connectionString)
    {
        string file;
        try
        {
            file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            file = "(the configured file)";
        }

        // SQLite's primary result codes: https://sqlite.org/rescode.html
        return exception.SqliteErrorCode switch
        {
            14 => $"Cannot open the SQLite database {file}. Check that Database:DataDirectory names a folder that exists and that the app may write to it.",
            8 => $"The SQLite database {file} is read-only to the app. Let the app's account write to the file and its folder.",
            26 => $"The file {file} is not a SQLite database. Point Database:DataDirectory at the app's data folder.",
            _ => null,
        };
    }

    private sealed record PostgresTarget(string Host, int Port, string Database, string User)
    {
        public string Server => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

        public static PostgresTarget From(string connectionString)
        {
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return new PostgresTarget(builder.Host ?? "localhost", builder.Port, builder.Database ?? builder.Username ?? "(none)", builder.Username ?? "(none)");
            }
            catch (ArgumentException)
            {
                return new PostgresTarget("(unreadable connection string)", 0, "(unknown)", "(unknown)");
            }
        }
    }
}
