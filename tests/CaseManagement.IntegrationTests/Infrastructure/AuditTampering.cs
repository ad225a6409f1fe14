using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>What someone with write access to the database can do to the audit trail: work with its append-only triggers out of the way.</summary>
public static class AuditTampering
{
#pragma warning disable EF1003 // The SQL is constants and the trigger text read back from SQLite.
    public static async Task WithoutTriggersAsync(AppDbContext db, DatabaseProvider provider, Func<Task> work)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        if (provider == DatabaseProvider.PostgreSQL)
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_or_delete");
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_or_delete");
            }

            return;
        }

        var triggers = await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'").ToListAsync();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
        try
        {
            await work();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(string.Join(";\n", triggers) + ";");
        }
    }
#pragma warning restore EF1003

    /// <summary>Sets the hash columns (and the name of who acted) of each row, as a rebuilt chain needs.</summary>
    public static Task RewriteAsync(AppDbContext db, DatabaseProvider provider, IReadOnlyList<(long Sequence, string UserName, string PreviousHash, string Hash, string? KeyId)> rows) =>
        WithoutTriggersAsync(db, provider, async () =>
        {
            foreach (var (sequence, userName, previousHash, hash, keyId) in rows)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"UserName\" = {userName}, \"PreviousHash\" = {previousHash}, \"Hash\" = {hash}, \"KeyId\" = {keyId} WHERE \"Sequence\" = {sequence}");
            }
        });
}
