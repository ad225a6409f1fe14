using System.Data.Common;
using System.Security.Cryptography;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Reminders;
using CaseManagement.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// What someone with write access to the database, but not the audit key, can put in the waiting table (decision 0085,
/// review of s10-p finding (a)): a row of their own, or a copy of the app's. Neither is sealed with the real key: the
/// first has no MAC the app made, the second a nonce the chain already holds (and while the original waits, the
/// database refuses the copy). Each is set aside, logged by its id alone, and reported by the API, the command and the
/// page. A class of its own: a row set aside is kept, so the trail of this class's database stays not intact.
/// </summary>
public abstract class AuditPlantedEntryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task ARowPutInTheWaitingTableBySql_WithoutTheAppsMac_IsNotSealed_ButSetAsideAndReported()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var before = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        var setAsideBefore = before.GetProperty("setAside").GetInt64();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keyId = scope.ServiceProvider.GetRequiredService<AuditKeyring>().Current.Id;

        // The key's id is in every sealed entry; the MAC is made up, as it must be without the key.
        var planted = new Waiting(DateTime.UtcNow, "Planted by hand Ffug", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), keyId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        await InsertBySqlAsync(db, planted);
        var waitingId = await db.UnsealedAudit.AsNoTracking().Where(e => e.Nonce == planted.Nonce).Select(e => e.Id).SingleAsync();

        Assert.Equal(1, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));

        Assert.False(await db.AuditLog.AnyAsync(e => e.EntityType == "AuditPlantTest"));
        Assert.False(await db.UnsealedAudit.AnyAsync());
        var setAside = await db.SetAsideAudit.AsNoTracking().SingleAsync(e => e.WaitingId == waitingId);
        Assert.Equal(SetAsideReason.NotWrittenByTheApp, setAside.Why);
        Assert.Equal(planted.Reason, setAside.Reason);
        Assert.Contains(factory.Logs.Lines, line => line.Contains($"set aside waiting entry {waitingId} (NotWrittenByTheApp)", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains("Ffug", StringComparison.Ordinal));

        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(verified.GetProperty("isIntact").GetBoolean());
        Assert.True(verified.GetProperty("chainIsIntact").GetBoolean(), verified.GetProperty("message").GetString());
        Assert.Equal(setAsideBefore + 1, verified.GetProperty("setAside").GetInt64());
        Assert.Contains($"were set aside, not sealed (waiting ids", verified.GetProperty("message").GetString(), StringComparison.Ordinal);

        var output = new StringWriter();
        Assert.Equal(1, await AuditVerifyCommand.VerifyAsync(factory.Services, output));
        Assert.Contains("AUDIT ENTRIES SET ASIDE, not written by the app", output.ToString(), StringComparison.Ordinal);

        var english = await AuditSealingTests<TFactory>.VerifyOnThePageAsync(auditor, "en-GB");
        Assert.Contains("Entries this app did not write were found waiting to be sealed", english, StringComparison.Ordinal);
        Assert.DoesNotContain("tampered with", english, StringComparison.Ordinal);
        var welsh = await AuditSealingTests<TFactory>.VerifyOnThePageAsync(auditor, "cy");
        Assert.Contains("Cafwyd hyd i gofnodion nad ysgrifennwyd gan yr ap hwn yn aros i gael eu selio", welsh, StringComparison.Ordinal);

        // The row is kept: the database refuses to delete it.
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries_set_aside WHERE \"WaitingId\" = {waitingId}"));
    }

    [SkippableFact]
    public async Task ACopyOfTheAppsEntry_IsRefusedWhileItWaits_AndSetAsideOnceTheEntryIsSealed()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var key = scope.ServiceProvider.GetRequiredService<AuditKeyring>().Current;
        db.UnsealedAudit.Add(UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditPlantTest", "2", Reason: "Written once"), null, "system", null, DateTime.UtcNow, key));
        await db.SaveChangesAsync();
        var original = await db.UnsealedAudit.AsNoTracking().SingleAsync(e => e.EntityType == "AuditPlantTest" && e.EntityId == "2");
        var copy = new Waiting(original.OccurredAtUtc, original.Reason!, original.Nonce, original.KeyId, original.Mac, "2");

        // While the entry waits, its nonce is taken.
        await Assert.ThrowsAnyAsync<DbException>(() => InsertBySqlAsync(db, copy));

        Assert.Equal(1, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));
        var sealedOnce = await db.AuditLog.AsNoTracking().SingleAsync(e => e.EntityType == "AuditPlantTest" && e.EntityId == "2");
        Assert.Equal(original.Nonce, sealedOnce.Nonce);

        // Once it is sealed, the copy is written, with the app's MAC, and set aside rather than sealed a second time.
        await InsertBySqlAsync(db, copy);
        Assert.Equal(1, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));

        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "AuditPlantTest" && e.EntityId == "2"));
        var setAside = await db.SetAsideAudit.AsNoTracking().Where(e => e.Nonce == original.Nonce).ToListAsync();
        Assert.Equal(SetAsideReason.AlreadySealed, Assert.Single(setAside).Why);
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.False(verified.GetProperty("isIntact").GetBoolean());
        Assert.True(verified.GetProperty("chainIsIntact").GetBoolean(), verified.GetProperty("message").GetString());
    }

    /// <summary>
    /// A row whose Action the app never writes could not be read by the sealer, which stopped sealing its batch: the
    /// waiting table refuses it (decision 0099), and every action the app does write is still taken and sealed.
    /// </summary>
    [SkippableFact]
    public async Task ARowWithAnActionTheAppDoesNotWrite_IsRefused_AndTheEntriesAroundItAreSealed()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var key = scope.ServiceProvider.GetRequiredService<AuditKeyring>().Current;
        var actions = Enum.GetValues<AuditAction>();
        db.UnsealedAudit.AddRange(actions.Select(a => UnsealedAuditEntry.Create(new AuditRecord(a, "AuditPlantTest", "actions"), null, "system", null, DateTime.UtcNow, key)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var planted = new Waiting(DateTime.UtcNow, "Unknown action", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), key.Id, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), Action: "Explode");
        await Assert.ThrowsAnyAsync<DbException>(() => InsertBySqlAsync(db, planted));

        Assert.Equal(actions.Length, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));
        Assert.Equal(actions.Length, await db.AuditLog.CountAsync(e => e.EntityType == "AuditPlantTest" && e.EntityId == "actions"));
        Assert.False(await db.UnsealedAudit.AnyAsync());
    }

    /// <summary>
    /// TRUNCATE fires no row trigger: the set-aside and waiting tables have statement triggers of their own (decision 0099).
    /// Run by the PostgreSQL class only: SQLite has no TRUNCATE, and SQL Server's guard tables are checked by
    /// SqlServerScriptTests.
    /// </summary>
    protected async Task TheSetAsideAndWaitingTables_RefuseTruncateAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planted = new Waiting(DateTime.UtcNow, "Planted to be kept", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), "k", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        await InsertBySqlAsync(db, planted);
        Assert.Equal(1, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));
        await InsertBySqlAsync(db, planted with { Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) });

        var setAside = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries_set_aside"));
        var waiting = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries_unsealed"));

        Assert.Contains("never changed or deleted", Assert.IsAssignableFrom<DbException>(setAside).Message, StringComparison.Ordinal);
        Assert.Contains("never emptied", Assert.IsAssignableFrom<DbException>(waiting).Message, StringComparison.Ordinal);
        Assert.True(await db.SetAsideAudit.AnyAsync(e => e.Nonce == planted.Nonce));
        Assert.Equal(1, await db.UnsealedAudit.CountAsync());
        Assert.Equal(1, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));
    }

    /// <summary>
    /// A row the audit sealer set aside keeps its changes, which may hold a child's details, as long as the shortest rule
    /// keeps a child's details after it was set aside; then the nightly job clears them, keeps their digest and the rest of
    /// the row as the evidence of the write, and audits it (decision 0099). A row set aside before schema 0044 has no digest
    /// yet: it gets the digest of the changes it loses.
    /// </summary>
    [SkippableFact]
    public async Task SetAsideAuditRowPastItsRetention_LosesItsChanges_KeepsTheirDigestAndTheEvidence_Audited()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin/retention-rules/ReferralNotTakenOn", new { yearsAfter = 1, untilAge = (int?)null })).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        const string changes = "{\"GivenName\":{\"old\":null,\"new\":\"Ffion Setaside\"}}";
        var old = await SetAsideBySqlAsync(db, DateTime.UtcNow.AddYears(-1).AddDays(-1), changes);
        var recent = await SetAsideBySqlAsync(db, DateTime.UtcNow.AddDays(-300), changes);
        var withDigest = await SetAsideBySqlAsync(db, DateTime.UtcNow.AddYears(-1).AddDays(-2), changes, AuditEntry.DigestOf(changes));

        await factory.Services.SendAsSystemAsync(new CaseManagement.Application.Records.Retention.Commands.ListRetentionDue.ListRetentionDue());

        var cleared = await db.SetAsideAudit.AsNoTracking().SingleAsync(e => e.Id == old);
        Assert.Null(cleared.Changes);
        Assert.Equal(AuditEntry.DigestOf(changes), cleared.ChangesDigest);
        Assert.Equal(("Update", "Child", "Set aside for retention", "system"), (cleared.Action.ToString(), cleared.EntityType, cleared.Reason, cleared.UserName));
        Assert.Contains("-nonce", cleared.Nonce, StringComparison.Ordinal);
        var clearedWithDigest = await db.SetAsideAudit.AsNoTracking().SingleAsync(e => e.Id == withDigest);
        Assert.Equal((null, AuditEntry.DigestOf(changes)), (clearedWithDigest.Changes, clearedWithDigest.ChangesDigest));
        Assert.Equal(changes, (await db.SetAsideAudit.AsNoTracking().SingleAsync(e => e.Id == recent)).Changes);
        await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.EntityType == "AuditSetAsideEntry" && e.EntityId == old.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Ffion", entry.Reason + entry.Changes, StringComparison.Ordinal);

        // Clearing the changes is the only change the database takes: the rest of the row is evidence.
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries_set_aside SET \"EntityId\" = {"someone else"} WHERE \"Id\" = {old}"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries_set_aside SET \"Changes\" = NULL, \"ChangesDigest\" = {AuditEntry.DigestOf(changes)}, \"EntityId\" = {"someone else"} WHERE \"Id\" = {recent}"));
    }

    /// <summary>A row as the sealer sets it aside, written by SQL: as one set aside before schema 0044 was (no digest), or after.</summary>
    private static async Task<long> SetAsideBySqlAsync(AppDbContext db, DateTime setAsideAtUtc, string changes, string? digest = null)
    {
        var waitingId = Random.Shared.NextInt64(1, long.MaxValue);
        var nonce = $"{waitingId}-nonce";
        await db.Database.ExecuteSqlAsync($"INSERT INTO audit_entries_set_aside (\"WaitingId\", \"SetAsideAtUtc\", \"Why\", \"OccurredAtUtc\", \"UserName\", \"Action\", \"EntityType\", \"EntityId\", \"Changes\", \"Reason\", \"Nonce\", \"KeyId\", \"Mac\", \"ChangesDigest\") VALUES ({waitingId}, {setAsideAtUtc}, {"AlreadySealed"}, {setAsideAtUtc}, {"system"}, {"Update"}, {"Child"}, {"1"}, {changes}, {"Set aside for retention"}, {nonce.PadRight(32, '0')}, {"k"}, {new string('0', 64)}, {digest})");
        return await db.SetAsideAudit.AsNoTracking().Where(e => e.WaitingId == waitingId).Select(e => e.Id).SingleAsync();
    }

    private sealed record Waiting(DateTime OccurredAtUtc, string Reason, string Nonce, string KeyId, string Mac, string EntityId = "1", string Action = "Update");

    /// <summary>A row as someone with write access to the database puts it there: by SQL, not through the app.</summary>
    private static Task<int> InsertBySqlAsync(AppDbContext db, Waiting row) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO audit_entries_unsealed (\"OccurredAtUtc\", \"UserName\", \"Action\", \"EntityType\", \"EntityId\", \"Reason\", \"Nonce\", \"KeyId\", \"Mac\") VALUES ({row.OccurredAtUtc}, {"system"}, {row.Action}, {"AuditPlantTest"}, {row.EntityId}, {row.Reason}, {row.Nonce}, {row.KeyId}, {row.Mac})");
}

public sealed class SqliteAuditPlantedEntryTests(SqliteAppFactory factory) : AuditPlantedEntryTests<SqliteAppFactory>(factory);

public sealed class PostgresAuditPlantedEntryTests(PostgresAppFactory factory) : AuditPlantedEntryTests<PostgresAppFactory>(factory)
{
    [SkippableFact]
    public Task TheSetAsideAndWaitingTables_RefuseTruncate() => TheSetAsideAndWaitingTables_RefuseTruncateAsync();
}
