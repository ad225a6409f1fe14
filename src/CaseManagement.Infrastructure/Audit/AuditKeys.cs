using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Audit;

/// <summary>
/// Where the audit trail's key and checkpoints live: outside the database, so that write access to the database is
/// not enough to rebuild the chain or to cut entries from its end unseen.
/// </summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The key that seals new entries (base64, 32 bytes or more). When empty, the key file holds the keys.</summary>
    public string? ChainKey { get; set; }

    /// <summary>Keys that sealed older entries (base64), kept so that those entries stay verifiable.</summary>
    public IList<string> RetiredChainKeys { get; } = [];

    /// <summary>
    /// With <see cref="ChainKey"/>: the last entry written before the trail was keyed (the key file records it itself).
    /// Zero for a trail begun with a key.
    /// </summary>
    public long PlainEntriesUntil { get; set; }

    /// <summary>The key file, created with a fresh key at first start; by default audit-chain.key beside the data-protection keys.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The signed checkpoints; by default audit-checkpoints.txt beside the data-protection keys.</summary>
    public string? CheckpointFile { get; set; }
}

public static class AuditKeys
{
    public const string KeyFileName = "audit-chain.key";
    public const string CheckpointFileName = "audit-checkpoints.txt";

    private const string PlainEntriesUntil = "plain-entries-until:";

    private const string KeyFileHeader =
        "# The audit trail's keys (docs/security.md): keep this file secret and back it up with the data-protection keys.\n" +
        "# One key per line (base64), oldest first; the last seals new entries. Never remove a key while entries it sealed remain.\n" +
        "# " + PlainEntriesUntil + " the entries the trail held, unkeyed, when this file was made. Never change it.\n";

    /// <summary>The audit keyring and the checkpoint file; <paramref name="keysDirectory"/> is the default home of both.</summary>
    public static IServiceCollection AddAuditKeys(this IServiceCollection services, IConfiguration configuration, string keysDirectory)
    {
        var options = new AuditOptions();
        configuration.GetSection(AuditOptions.SectionName).Bind(options);
        options.KeyFile = string.IsNullOrWhiteSpace(options.KeyFile) ? Path.Combine(keysDirectory, KeyFileName) : options.KeyFile;
        options.CheckpointFile = string.IsNullOrWhiteSpace(options.CheckpointFile) ? Path.Combine(keysDirectory, CheckpointFileName) : options.CheckpointFile;
        services.AddSingleton(options);
        services.AddSingleton(sp => Load(options, () => NewestSequence(sp)));
        services.AddSingleton<IAuditCheckpoints>(sp => new FileAuditCheckpoints(options.CheckpointFile, sp.GetRequiredService<ILogger<FileAuditCheckpoints>>()));
        return services;
    }

    /// <summary>
    /// The keys from configuration, or else from the key file. The file is made with a fresh key the first time, and
    /// records how many entries the trail held then (<paramref name="newestSequence"/>): those alone may be unkeyed.
    /// </summary>
    public static AuditKeyring Load(AuditOptions options, Func<long> newestSequence)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(newestSequence);
        if (!string.IsNullOrWhiteSpace(options.ChainKey))
        {
            return new AuditKeyring(options.RetiredChainKeys.Append(options.ChainKey).Select(k => Decode(k, "Audit:ChainKey")), options.PlainEntriesUntil);
        }

        var path = options.KeyFile ?? throw new InvalidOperationException("Neither Audit:ChainKey nor an audit key file is configured.");
        if (!File.Exists(path))
        {
            Create(path, newestSequence());
        }

        var lines = File.ReadAllLines(path).Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        var plain = lines.Where(line => line.StartsWith(PlainEntriesUntil, StringComparison.Ordinal))
            .Select(line => long.Parse(line[PlainEntriesUntil.Length..], System.Globalization.NumberStyles.AllowLeadingWhite, System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();
        var keys = lines.Where(line => !line.StartsWith(PlainEntriesUntil, StringComparison.Ordinal)).Select(line => Decode(line, path)).ToList();
        return keys.Count > 0 ? new AuditKeyring(keys, plain) : throw new InvalidOperationException($"The audit key file {path} holds no key.");
    }

    /// <summary>The newest entry's number: read when the key file is made, when every entry is from before the key.</summary>
    private static long NewestSequence(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>());
        return db.AuditLog.Select(e => (long?)e.Sequence).Max() ?? 0;
    }

    private static void Create(string path, long plainEntriesUntil)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            // Readable by the app's own account alone; CreateNew, so that two instances starting together keep one key.
            using var stream = new FileStream(path, OwnerOnly(FileMode.CreateNew));
            using var writer = new StreamWriter(stream);
            writer.Write(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{KeyFileHeader}{PlainEntriesUntil} {plainEntriesUntil}\n{Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(AuditKey.MinimumLength))}\n"));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another instance made it first: its key is the one to use.
        }
    }

    internal static FileStreamOptions OwnerOnly(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private static AuditKey Decode(string base64, string source)
    {
        try
        {
            return new AuditKey(Convert.FromBase64String(base64.Trim()));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InvalidOperationException($"An audit key in {source} is not base64 of {AuditKey.MinimumLength} bytes or more.", e);
        }
    }
}

/// <summary>Checkpoints as lines appended to a file; the latest is the one furthest along the trail.</summary>
internal sealed partial class FileAuditCheckpoints(string path, ILogger<FileAuditCheckpoints> logger) : IAuditCheckpoints
{
    private static readonly Lock Writing = new();

    public AuditCheckpoint? Latest() =>
        File.Exists(path)
            ? File.ReadLines(path).Select(AuditCheckpoint.Parse).OfType<AuditCheckpoint>().MaxBy(c => c.Sequence)
            : null;

    public void Record(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (Writing)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using var stream = new FileStream(path, AuditKeys.OwnerOnly(FileMode.Append));
                using var writer = new StreamWriter(stream);
                writer.Write(checkpoint + "\n");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The check itself stands, and shows the checkpoint; only the next check's comparison is lost.
                LogNotWritten(logger, path, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit checkpoint could not be written to {Path}; the next check cannot compare with it.")]
    private static partial void LogNotWritten(ILogger logger, string path, Exception exception);
}
