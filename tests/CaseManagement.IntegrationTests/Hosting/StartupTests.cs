using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Hosting;
using Npgsql;

namespace CaseManagement.IntegrationTests.Hosting;

/// <summary>
/// The app as an operator starts it: the built CaseManagement.Web.dll run with <c>dotnet</c>, as a process, from a
/// folder of its own; and the audit-verify command pointed at the wrong place. What the operator sees is the exit code
/// and what the process prints.
/// </summary>
public sealed partial class StartupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-start-").FullName;

    /// <summary>The web project's own build output, of the configuration these tests were built in.</summary>
    private static string WebAssembly
    {
        get
        {
            var built = Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "tests", "CaseManagement.IntegrationTests"), AppContext.BaseDirectory);
            var path = Path.Combine(RepositoryRoot.Path, "src", "CaseManagement.Web", built, "CaseManagement.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is not built.");
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task StartedFromAnotherFolder_ReadsTheSettingsBesideTheApp()
    {
        using var app = Start(_folder, new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__DataDirectory"] = Path.Combine(_folder, "data"),
            ["DataProtection__KeysDirectory"] = Path.Combine(_folder, "keys"),
            ["Jobs__Enabled"] = "false",
        });
        var address = await app.WaitForAsync(ListeningLine(), TimeSpan.FromMinutes(3));

        // appsettings.Development.json (beside the app, not in the folder it was started from) turns the demo data on.
        using var client = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "casemanager@demo.example", password = DemoPassword() });

        Assert.True(token.StatusCode == HttpStatusCode.OK, $"The demo account could not sign in ({(int)token.StatusCode}):\n{app.Output}");
        Assert.Contains($"Content root path: {Path.GetDirectoryName(WebAssembly)}", app.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "data", "casemanagement.db")));
    }

    [SkippableFact]
    public async Task Start_PostgresDatabaseMissing_ExitsWithOneLineSayingToCreateIt()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        var missing = "cm_missing_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(TestRequirements.PostgresAdminConnectionString) { Database = missing }.ToString();

        var (exitCode, output, error) = await RunToEndAsync(ServerSettings("PostgreSQL", connection));

        Assert.Equal(AppHost.DatabaseUnavailable, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"has no database named '{missing}'", line, StringComparison.Ordinal);
        Assert.Contains("createdb", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.False(await DatabaseExistsAsync(missing));
    }

    [SkippableFact]
    public async Task Start_PostgresServerUnreachable_ExitsWithOneLineSayingToCheckHostAndPort()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        var connection = new NpgsqlConnectionStringBuilder(TestRequirements.PostgresAdminConnectionString) { Port = UnusedPort(), Timeout = 5 }.ToString();

        var (exitCode, output, error) = await RunToEndAsync(ServerSettings("PostgreSQL", connection));

        Assert.Equal(AppHost.DatabaseUnavailable, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot reach the PostgreSQL server at ", line, StringComparison.Ordinal);
        Assert.Contains("Host and Port in Database:ConnectionString", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SqlServerUnreachable_ExitsWithOneLineSayingToCheckTheServer()
    {
        // No SQL Server runs here: a port nothing listens on is what an operator with a wrong Server setting meets.
        var connection = $"Server=tcp:127.0.0.1,{UnusedPort()};Database=casemanagement;User ID=casemanagement;Password=s3cret-value;Connect Timeout=5;Encrypt=false";

        var (exitCode, output, error) = await RunToEndAsync(ServerSettings("SqlServer", connection));

        Assert.Equal(AppHost.DatabaseUnavailable, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Cannot reach the SQL Server at tcp:127.0.0.1,", line, StringComparison.Ordinal);
        Assert.Contains("Server in Database:ConnectionString", line, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void DatabaseProblem_PasswordRefused_SaysToCorrectThePasswordWithoutShowingIt()
    {
        var refused = new Npgsql.PostgresException("password authentication failed for user \"casemanagement\"", "FATAL", "FATAL", PostgresErrorCodes.InvalidPassword);
        var wrapped = new InvalidOperationException("Start-up failed.", refused);

        var line = DatabaseProblem.Describe(wrapped, DatabaseProvider.PostgreSQL, "Host=db.example;Port=5433;Database=casemanagement;Username=casemanagement;Password=s3cret-value");

        Assert.Equal("The PostgreSQL server at db.example:5433 refused the password of the user 'casemanagement'. Correct the Password in Database:ConnectionString (or set the user's password on the server).", line);
    }

    [Fact]
    public void DatabaseProblem_SomethingElse_IsNotDescribed()
    {
        Assert.Null(DatabaseProblem.Describe(new InvalidOperationException("not about the database"), DatabaseProvider.PostgreSQL, "Host=db.example"));
    }

    [Fact]
    public async Task AuditVerify_WrongDataDirectory_RefusesInOneLineAndCreatesNothing()
    {
        var wrong = Path.Combine(_folder, "no-such-folder");
        using var output = new StringWriter();

        var exitCode = await AuditVerifyCommand.RunAsync(["--Database:DataDirectory", wrong], output);

        Assert.Equal(AppHost.DatabaseUnavailable, exitCode);
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"There is no database at {Path.Combine(wrong, "casemanagement.db")}", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(wrong));
    }

    [Fact]
    public async Task AuditVerify_FileThatIsNotTheAppsDatabase_RefusesInOneLineAndLeavesItAlone()
    {
        var file = Path.Combine(_folder, "casemanagement.db");
        await File.WriteAllBytesAsync(file, []);
        using var output = new StringWriter();

        var exitCode = await AuditVerifyCommand.RunAsync(["--Database:DataDirectory", _folder], output);

        Assert.Equal(AppHost.DatabaseUnavailable, exitCode);
        Assert.Contains("The audit trail could not be read", Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(file).Length);
    }

    private Dictionary<string, string> ServerSettings(string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        ["Database__Provider"] = provider,
        ["Database__ConnectionString"] = connectionString,
        ["DataProtection__KeysDirectory"] = Path.Combine(_folder, "keys"),
        ["Jobs__Enabled"] = "false",
    };

    private async Task<(int ExitCode, string Output, string Error)> RunToEndAsync(Dictionary<string, string> environment)
    {
        using var app = Start(_folder, environment);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.Process.WaitForExitAsync(timeout.Token);
        return (app.Process.ExitCode, app.Output, app.Error);
    }

    private static async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(TestRequirements.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string DemoPassword()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(WebAssembly)!, "appsettings.Development.json")));
        return settings.RootElement.GetProperty("DemoData").GetProperty("Password").GetString()!;
    }

    private static RunningApp Start(string workingFolder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebAssembly);
        foreach (var name in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningApp(Process.Start(start)!);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>A started app; what it prints is kept, and it is stopped when disposed.</summary>
    private sealed class RunningApp : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        public RunningApp(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(_output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(_error, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                // Once the process has exited, what it wrote last has been read too.
                if (Process.HasExited)
                {
                    Process.WaitForExit();
                }

                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout)
        {
            var stopwatch = Stopwatch.StartNew();
            while (stopwatch.Elapsed < timeout)
            {
                if (pattern.Match(Output) is { Success: true } match)
                {
                    return match;
                }

                Assert.False(Process.HasExited, $"The app stopped (exit {(Process.HasExited ? Process.ExitCode : 0)}):\n{Output}\n{Error}");
                await Task.Delay(200);
            }

            throw new TimeoutException($"The app did not start within {timeout}:\n{Output}\n{Error}");
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }

            Process.Dispose();
        }

        private static void Append(StringBuilder buffer, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (buffer)
            {
                buffer.AppendLine(line);
            }
        }
    }
}
