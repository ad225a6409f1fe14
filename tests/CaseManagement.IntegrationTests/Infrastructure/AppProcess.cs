using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.IntegrationTests.Hosting;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// The built CaseManagement.Web.dll run with <c>dotnet</c> as a process of its own, configured through its environment,
/// as an operator runs it: so that a test can kill it the way a crash does, which no in-process host allows.
/// </summary>
public sealed partial class AppProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>What the app has printed so far, standard output and error together.</summary>
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

    /// <summary>The web project's own build output, of the configuration these tests were built in.</summary>
    public static string WebAssembly
    {
        get
        {
            var built = Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, "tests", "CaseManagement.IntegrationTests"), AppContext.BaseDirectory);
            var path = Path.Combine(RepositoryRoot.Path, "src", "CaseManagement.Web", built, "CaseManagement.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is not built.");
        }
    }

    /// <summary>Starts the app with these settings (environment variables, <c>Section__Key</c>) and waits until it listens.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(WebAssembly);
        foreach (var name in new[] { "ASPNETCORE_CONTENTROOT", "DOTNET_CONTENTROOT", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(Process.Start(start)!);
        var stopwatch = Stopwatch.StartNew();
        while (!ListeningLine().IsMatch(app.Output))
        {
            if (app.Process.HasExited || stopwatch.Elapsed > timeout)
            {
                var output = app.Output;
                app.Dispose();
                throw new InvalidOperationException($"The app did not start listening within {timeout}:\n{output}");
            }

            await Task.Delay(100);
        }

        return app;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: the process gets no chance to finish anything, stop its jobs or close a connection.</summary>
    public async Task KillAsync()
    {
        Process.Kill(entireProcessTree: false);
        await Process.WaitForExitAsync();
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

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
