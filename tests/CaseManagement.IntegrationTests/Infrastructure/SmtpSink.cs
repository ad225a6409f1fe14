using System.Diagnostics;
using System.Net.Sockets;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server for the e-mail tests: Postfix's smtp-sink on a free loopback port, writing each message it
/// accepts to a file of its own. Skips (or fails under CASEMGMT_REQUIRE_ALL=1) when smtp-sink is not installed.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    public const string Program = "/usr/sbin/smtp-sink";

    private readonly Process _process;

    private SmtpSink(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    public static void Require() =>
        TestRequirements.Require(!File.Exists(Program), $"E-mail tests need Postfix's smtp-sink ({Program}, Debian package postfix); .ci/run installs it.");

    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        Require();
        var folder = Path.Combine(Path.GetTempPath(), "casemgmt-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);

        // As root, smtp-sink drops to another account, which must be able to write the messages.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var chosen = port ?? FreePort();
        var start = new ProcessStartInfo(Program) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (Environment.UserName == "root")
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("nobody");
        }

        start.ArgumentList.Add("-d");
        start.ArgumentList.Add(Path.Combine(folder, "%Y%m%d%H%M%S."));
        start.ArgumentList.Add($"127.0.0.1:{chosen}");
        start.ArgumentList.Add("20");
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("smtp-sink did not start.");
        var sink = new SmtpSink(process, chosen, folder);
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, chosen);
                return sink;
            }
            catch (SocketException)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"smtp-sink stopped: {await process.StandardError.ReadToEndAsync()}");
                }

                await Task.Delay(50);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException("smtp-sink did not start listening.");
    }

    /// <summary>Every message the sink has accepted, as written (the envelope as X- headers, then the message).</summary>
    public IReadOnlyList<string> Messages() => Directory.GetFiles(Folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
