namespace CaseManagement.Testing;

/// <summary>
/// Decides whether a test that needs a server or a browser may skip. On a laptop without PostgreSQL or Chromium such
/// tests skip with a clear reason; CI sets CASEMGMT_REQUIRE_ALL=1, which turns every such skip into a failure.
/// </summary>
public static class TestRequirements
{
    public const string PostgresVariable = "CASEMGMT_TEST_POSTGRES";
    public const string ChromiumVariable = "CASEMGMT_CHROMIUM";
    public const string RequireAllVariable = "CASEMGMT_REQUIRE_ALL";

    // SQL Server cannot run on these machines or in CI, so CASEMGMT_REQUIRE_ALL leaves its tests alone; this switch,
    // set where a server is given, makes them required (docs/decisions/0042).
    public const string SqlServerVariable = "CASEMGMT_TEST_SQLSERVER";
    public const string RequireSqlServerVariable = "CASEMGMT_REQUIRE_SQLSERVER";

    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>An administrative connection string to a PostgreSQL server on which tests may create databases.</summary>
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>A connection string to a SQL Server on which tests may create databases (a login with dbcreator).</summary>
    public static string? SqlServerAdminConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    public static bool RequireSqlServer => Environment.GetEnvironmentVariable(RequireSqlServerVariable) == "1";

    public static string? ChromiumPath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;
        }
    }

    /// <summary>Skips (or, under CASEMGMT_REQUIRE_ALL=1, fails) when <paramref name="missing"/> is true.</summary>
    public static void Require(bool missing, string reason) => Require(missing, reason, RequireAll, RequireAllVariable);

    /// <summary>Skips when <paramref name="missing"/> is true, or fails when <paramref name="required"/> (set by <paramref name="switchName"/>=1).</summary>
    public static void Require(bool missing, string reason, bool required, string switchName)
    {
        if (!missing)
        {
            return;
        }

        if (required)
        {
            throw new InvalidOperationException($"{reason} {switchName}=1 is set, so this test may not skip.");
        }

        Xunit.Skip.If(true, reason);
    }
}
