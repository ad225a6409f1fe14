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

    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>An administrative connection string to a PostgreSQL server on which tests may create databases.</summary>
    public static string? PostgresAdminConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

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
    public static void Require(bool missing, string reason)
    {
        if (!missing)
        {
            return;
        }

        if (RequireAll)
        {
            throw new InvalidOperationException($"{reason} {RequireAllVariable}=1 is set, so this test may not skip.");
        }

        Xunit.Skip.If(true, reason);
    }
}
