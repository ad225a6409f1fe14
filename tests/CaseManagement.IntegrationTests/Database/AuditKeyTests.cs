using System.Reflection;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// A trail written before the chain was keyed (schema 0013), on each provider: the first start of this version makes
/// the key file, which records how many entries were unkeyed; one keyed entry seals them; they stay verifiable, and
/// later unkeyed entries do not.
/// </summary>
public abstract class AuditKeyTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task FirstStartAfterTheUpgrade_RecordsTheUnkeyedEntriesInTheKeyFileAndSealsThem()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        await new MigrationRunner(provider, database.ConnectionString, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        var keys = Directory.CreateTempSubdirectory("casemgmt-audit-keys-").FullName;
        try
        {
            await WriteUnkeyedTrailAsync(database, 3);

            await using var firstStart = Services(database, keys);
            await using (var scope = firstStart.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SealAuditTrailAsync(CancellationToken.None);
            }

            await using (var scope = firstStart.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<AppDbContext>().SealAuditTrailAsync(CancellationToken.None);
            }

            var keyFile = Path.Combine(keys, AuditKeys.KeyFileName);
            Assert.Contains("plain-entries-until: 3\n", await File.ReadAllTextAsync(keyFile), StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            await using var nextStart = Services(database, keys);
            var keyring = nextStart.GetRequiredService<AuditKeyring>();
            await using var check = nextStart.CreateAsyncScope();
            var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
            var entries = await db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();

            Assert.Equal(3, keyring.PlainEntriesUntil);
            Assert.Equal([null, null, null, keyring.Current.Id], entries.Select(e => e.KeyId));
            Assert.Equal("AuditTrail", entries[3].EntityType);
            Assert.True(AuditChain.Verify(entries, keyring).IsIntact);

            // An unkeyed entry rebuilt from the published formula is caught by the keyed one that seals it.
            var rebuilt = Unkeyed(entries.Take(3).ToList(), alterSecond: true);
            await AuditTampering.RewriteAsync(db, provider, rebuilt.Select(e => (e.Sequence, e.UserName, e.PreviousHash, e.Hash, e.KeyId)).ToList());
            var result = AuditChain.Verify(await db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(), keyring);

            Assert.False(result.IsIntact);
            Assert.Equal(4, result.FirstBrokenSequence);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }
    }

    private ServiceProvider Services(TestDatabase database, string keysDirectory)
    {
        var services = new ServiceCollection();
        services.AddDbContext<AppDbContext>(db => db.UseProvider(provider, database.ConnectionString));
        services.AddAuditKeys(new ConfigurationBuilder().Build(), keysDirectory);
        return services.BuildServiceProvider();
    }

    /// <summary>Entries as the version before schema 0013 wrote them: no key id, the plain SHA-256 chain.</summary>
    private async Task WriteUnkeyedTrailAsync(TestDatabase database, int count)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseProvider(provider, database.ConnectionString);
        await using var db = new AppDbContext(options.Options, auditKeys: AuditKeyring.Generate());
        for (var i = 1; i <= count; i++)
        {
            db.Record(new AuditRecord(AuditAction.View, "Referral", $"referral-{i}", Guid.NewGuid()));
            await db.SaveChangesAsync();
        }

        var written = await db.AuditLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        var unkeyed = Unkeyed(written, alterSecond: false);
        await AuditTampering.RewriteAsync(db, provider, unkeyed.Select(e => (e.Sequence, e.UserName, e.PreviousHash, e.Hash, e.KeyId)).ToList());
    }

    private static List<AuditEntry> Unkeyed(List<AuditEntry> entries, bool alterSecond)
    {
        var previous = AuditEntry.GenesisHash;
        foreach (var entry in entries)
        {
            if (alterSecond && entry.Sequence == 2)
            {
                Set(entry, nameof(AuditEntry.UserName), "Someone else");
            }

            Set(entry, nameof(AuditEntry.PreviousHash), previous);
            Set(entry, nameof(AuditEntry.KeyId), null);
            Set(entry, nameof(AuditEntry.Hash), entry.ComputeUnkeyedHash());
            previous = entry.Hash;
        }

        return entries;
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        // Through the type that declares it: a private setter of a field every audit entry has is not seen from AuditEntry.
        typeof(AuditEntry).GetProperty(property)!.DeclaringType!.GetProperty(property)!.SetValue(entry, value, BindingFlags.NonPublic, null, null, null);
}

public sealed class SqliteAuditKeyTests() : AuditKeyTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditKeyTests() : AuditKeyTests(DatabaseProvider.PostgreSQL);
