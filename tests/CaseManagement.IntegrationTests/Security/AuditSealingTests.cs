using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Organisation;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// The audit chain sealed after the commit (decision 0085), the same cases on SQLite and PostgreSQL: entries a save wrote
/// and no one sealed (a server stopped between its commit and the seal) are reported as waiting, sealed by the sweep, and
/// then verify; an entry waiting longer than the maximum merge delay is a finding; many saves at once make one unbroken
/// chain; a sealed entry altered afterwards is still caught.
/// </summary>
public abstract class AuditSealingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const int AtOnce = 40;

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The check's own sentences on the audit page are in the reader's language; the API's message stays English (decision 0099).</summary>
    [SkippableFact]
    public async Task TheChecksSentences_OnTheAuditPage_AreInTheReadersLanguage()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");

        var welsh = await VerifyOnThePageAsync(auditor, "cy");
        var english = await VerifyOnThePageAsync(auditor, "en-GB");

        Assert.Matches("data-testid=\"audit-message\">Mae pob un o'r [0-9]+ cofnod yn gyfan\\.", welsh);
        Assert.DoesNotContain("entries are intact", welsh, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"audit-message\">All [0-9]+ entries are intact\\.", english);
        var api = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.Matches("^All [0-9]+ entries are intact\\.", api.GetProperty("message").GetString()!);
        Assert.False(api.TryGetProperty("sentences", out _));
    }

    /// <summary>
    /// The host stopping while the sweep seals (the HTTP benchmark's shutdown logged two EF "transaction" errors): the
    /// round that holds the chain's lock finishes and commits, the sweep then stops, and nothing is logged as an error
    /// (decision 0099). The stop is made to come inside the round, as the sealer writes the entries to the chain.
    /// </summary>
    [SkippableFact]
    public async Task TheSweepStoppedWhileItSeals_FinishesTheRound_AndLogsNoError()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        db.UnsealedAudit.AddRange(Enumerable.Range(1, 3).Select(i => UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditStopTest", i.ToString(CultureInfo.InvariantCulture)), null, "system", null, DateTime.UtcNow, keyring.Current)));
        await db.SaveChangesAsync();
        using var stopping = new CancellationTokenSource();
        var options = new DbContextOptionsBuilder<AppDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>()).AddInterceptors(new StopWhenSealing(stopping)).Options;
        await using var sweeper = new ServiceCollection().AddSingleton(keyring).AddScoped(_ => new AppDbContext(options, null, TimeProvider.System, keyring)).BuildServiceProvider();
        var logged = factory.Logs.Lines.Count;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AuditSealSweep.SweepAsync(sweeper, stopping.Token));

        Assert.True(stopping.IsCancellationRequested);
        Assert.Equal(3, await db.AuditLog.CountAsync(e => e.EntityType == "AuditStopTest"));
        Assert.False(await db.UnsealedAudit.AnyAsync(e => e.EntityType == "AuditStopTest"));
        var errors = factory.Logs.Lines.Skip(logged).Where(l => l.StartsWith("Error ", StringComparison.Ordinal) || l.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Stops the sweep as the sealer writes the waiting entries into the chain, inside its sealing transaction.</summary>
    private sealed class StopWhenSealing(CancellationTokenSource stopping) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Stop(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Stop(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Stop(System.Data.Common.DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO audit_entries (", StringComparison.Ordinal) || command.CommandText.Contains("INSERT INTO \"audit_entries\" (", StringComparison.Ordinal))
            {
                stopping.Cancel();
            }
        }
    }

    [SkippableFact]
    public async Task EntriesNoOneSealed_AreReportedAsWaitingThenSealedByTheSweep()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var before = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(before.GetProperty("isIntact").GetBoolean(), before.GetProperty("message").GetString());
        var checkedBefore = before.GetProperty("entriesChecked").GetInt64();
        var written = await WriteUnsealedAsync(DateTime.UtcNow, "Left by a stopped server 1", "Left by a stopped server 2", "Left by a stopped server 3");

        var waiting = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

        Assert.True(waiting.GetProperty("isIntact").GetBoolean(), waiting.GetProperty("message").GetString());
        Assert.Equal(3, waiting.GetProperty("waiting").GetInt64());
        Assert.Contains("3 entries are waiting to be sealed into the chain", waiting.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(3, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));

        var swept = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(swept.GetProperty("isIntact").GetBoolean(), swept.GetProperty("message").GetString());
        Assert.Equal(0, swept.GetProperty("waiting").GetInt64());
        Assert.True(swept.GetProperty("entriesChecked").GetInt64() >= checkedBefore + 3);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sealedReasons = await db.AuditLog.AsNoTracking().Where(e => e.EntityType == "AuditSealingTest").OrderBy(e => e.Sequence).Select(e => e.Reason).ToListAsync();
        Assert.Equal(written, sealedReasons.TakeLast(3));
        Assert.False(await db.UnsealedAudit.AnyAsync());
    }

    [SkippableFact]
    public async Task AnEntryWaitingLongerThanTheMergeDelay_IsAFindingOnTheApiTheCommandAndThePage()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        await WriteUnsealedAsync(DateTime.UtcNow - AuditChain.MaximumMergeDelay - TimeSpan.FromMinutes(1), "Waited too long");
        try
        {
            var late = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
            Assert.False(late.GetProperty("isIntact").GetBoolean());
            Assert.True(late.GetProperty("waitedTooLong").GetBoolean());
            Assert.Contains("the sealer is not running or is failing", late.GetProperty("message").GetString(), StringComparison.Ordinal);

            var output = new StringWriter();
            Assert.Equal(1, await AuditVerifyCommand.VerifyAsync(factory.Services, output));
            Assert.Contains("AUDIT ENTRIES NOT SEALED in time", output.ToString(), StringComparison.Ordinal);

            var english = await VerifyOnThePageAsync(auditor, "en-GB");
            Assert.Contains("Audit entries are waiting too long to be sealed", english, StringComparison.Ordinal);
            Assert.Contains("has waited longer than the 60 seconds allowed", english, StringComparison.Ordinal);
            Assert.DoesNotContain("tampered with", english, StringComparison.Ordinal);
            var welsh = await VerifyOnThePageAsync(auditor, "cy");
            Assert.Contains("Mae cofnodion archwilio yn aros yn rhy hir i gael eu selio", welsh, StringComparison.Ordinal);
        }
        finally
        {
            await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);
        }

        var sealedNow = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(sealedNow.GetProperty("isIntact").GetBoolean(), sealedNow.GetProperty("message").GetString());
    }

    [SkippableFact]
    public async Task AnEntryWaitingTooLong_WithATamperedCheckpoint_IsReportedAsTamperingNotAsLate()
    {
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        await WriteUnsealedAsync(DateTime.UtcNow - AuditChain.MaximumMergeDelay - TimeSpan.FromMinutes(1), "Waited too long, checkpoint forged");
        var checkpointFile = factory.Services.GetRequiredService<AuditOptions>().CheckpointFile!;
        var kept = File.Exists(checkpointFile) ? await File.ReadAllBytesAsync(checkpointFile) : null;

        // Someone without the key writes a checkpoint of their own, past the end of the trail.
        factory.Services.GetRequiredService<CaseManagement.Application.Common.Interfaces.IAuditCheckpoints>()
            .Record(AuditCheckpoint.Sign(AuditKey.Generate(), long.MaxValue / 2, new string('a', 64), DateTime.UtcNow));
        try
        {
            var output = new StringWriter();
            Assert.Equal(1, await AuditVerifyCommand.VerifyAsync(factory.Services, output));
            Assert.Contains("AUDIT TRAIL BROKEN", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("checkpoint file was altered", output.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("NOT SEALED in time", output.ToString(), StringComparison.Ordinal);

            var english = await VerifyOnThePageAsync(auditor, "en-GB");
            Assert.Contains("The audit trail has been tampered with", english, StringComparison.Ordinal);
            Assert.DoesNotContain("Audit entries are waiting too long to be sealed", english, StringComparison.Ordinal);
        }
        finally
        {
            if (kept is null)
            {
                File.Delete(checkpointFile);
            }
            else
            {
                await File.WriteAllBytesAsync(checkpointFile, kept);
            }

            await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task AFailedSave_LeavesNoEntryBehind_ForTheSaveThatFollows()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.Agencies.AsNoTracking().Select(a => a.Id).FirstAsync();
        var aboutExisting = await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == existing.ToString());

        // A save the database refuses (an agency with a key already taken), then the caller drops it and saves another.
        var clash = (Agency)Activator.CreateInstance(typeof(Agency), BindingFlags.NonPublic | BindingFlags.Instance, null, [existing, "Asiantaeth ddwbl", AgencyKind.Police], null)!;
        db.Agencies.Add(clash);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.Entry(clash).State = EntityState.Detached;
        var next = Agency.Create("Asiantaeth newydd", AgencyKind.Health);
        db.Agencies.Add(next);
        await db.SaveChangesAsync();
        await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);

        // The trail records the agency made, once, and nothing of the one refused.
        Assert.Equal(aboutExisting, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == existing.ToString()));
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == next.Id.ToString()));
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.GetProperty("message").GetString());
    }

    [SkippableFact]
    public async Task ASubmission_IsSealedByTheTimeItIsAnswered_AndAlteringItsEntryIsCaught()
    {
        using var client = await factory.SignedInAsync();
        using var auditor = await factory.SignedInAsync("auditor@demo.example");

        var response = await client.PostAsJsonAsync("/api/v1/referrals", Api.ReferralApiTests<TFactory>.ValidReferral("Seliwr", "Cadwyn"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // On an idle system the save's own attempt after its commit has sealed its entries: nothing waits, no sleep.
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.GetProperty("message").GetString());
        Assert.Equal(0, verified.GetProperty("waiting").GetInt64());

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var referralId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString();
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(e => e.EntityType == "Referral" && e.EntityId == referralId && e.Action == AuditAction.Create);

        // Someone with write access to the database but not the key puts another name on the sealed entry.
        await AuditTampering.RewriteAsync(db, factory.Provider, [(entry.Sequence, "Someone else", entry.PreviousHash, entry.Hash, entry.KeyId)]);
        try
        {
            var altered = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
            Assert.False(altered.GetProperty("isIntact").GetBoolean());
            Assert.Equal(entry.Sequence, altered.GetProperty("firstBrokenSequence").GetInt64());
        }
        finally
        {
            await AuditTampering.RewriteAsync(db, factory.Provider, [(entry.Sequence, entry.UserName, entry.PreviousHash, entry.Hash, entry.KeyId)]);
        }
    }

    [SkippableFact]
    public async Task ManySubmissionsAtOnce_MakeOneUnbrokenChainWithNoGapsOrTwins()
    {
        using var client = await factory.SignedInAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var end = await db.AuditLog.MaxAsync(e => (long?)e.Sequence) ?? 0;

        var answers = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(Api.ReferralApiTests<TFactory>.ValidReferral("Cydamser", $"Cadwyn{i}")) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Id: response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString() : null);
        }));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Created, answer.StatusCode));

        // The point here is the chain, so whatever a save's attempt left to the sweep is sealed now, as the sweep would.
        await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);

        var added = await db.AuditLog.AsNoTracking().Where(e => e.Sequence > end).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, added.Count).Select(i => end + i), added.Select(e => e.Sequence));
        Assert.Equal(added.Count, added.Select(e => e.Hash).Distinct().Count());
        Assert.Equal(AtOnce, added.Count(e => e.EntityType == "Referral" && e.Action == AuditAction.Create));

        // Each referral answered has its own entry, with what was created (decision 0115: the
        // sealer moves the rows as they were written); every one sealed from the waiting table keeps its own nonce.
        Assert.Equal(answers.Select(a => a.Id).Order(), added.Where(e => e.EntityType == "Referral" && e.Action == AuditAction.Create).Select(e => e.EntityId).Order());
        Assert.All(added.Where(e => e.EntityType == "Referral"), e => Assert.Contains(e.EntityId, e.Changes, StringComparison.Ordinal));
        Assert.All(added, e => Assert.Equal(e.Changes is null ? null : AuditEntry.DigestOf(e.Changes), e.ChangesDigest));
        if (factory.Provider != DatabaseProvider.Sqlite)
        {
            Assert.Equal(added.Count, added.Select(e => e.Nonce).OfType<string>().Distinct().Count());
        }

        Assert.All(added.Zip(added.Skip(1)), pair => Assert.Equal(pair.First.Hash, pair.Second.PreviousHash));
        Assert.False(await db.UnsealedAudit.AnyAsync());
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.GetProperty("message").GetString());
    }

    /// <summary>
    /// A save that begins its own transaction rolls all of it back on a failure, so it makes no savepoint (releasing one
    /// was a round trip to PostgreSQL a save, decision 0101); a save inside a caller's transaction still makes one, so the
    /// caller can go on after a failed save. Both saves are written and audited.
    /// </summary>
    [SkippableFact]
    public async Task AnAuditedSave_InItsOwnTransaction_MakesNoSavepoint_ButInACallersTransactionDoes()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var savepoints = new Savepoints();
        var options = new DbContextOptionsBuilder<AppDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>()).AddInterceptors(savepoints).Options;
        await using var db = new AppDbContext(options, null, TimeProvider.System, keyring);

        var alone = Agency.Create("Asiantaeth heb bwynt cadw", AgencyKind.Health);
        db.Agencies.Add(alone);
        await db.SaveChangesAsync();
        var madeAlone = savepoints.Made;

        var inside = Agency.Create("Asiantaeth mewn trafodiad", AgencyKind.Health);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Agencies.Add(inside);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(0, madeAlone);
        Assert.Equal(1, savepoints.Made);
        Assert.True(db.Database.AutoSavepointsEnabled);
        await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None);
        var ids = new[] { alone.Id.ToString(), inside.Id.ToString() };
        Assert.Equal(2, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && ids.Contains(e.EntityId) && e.Action == AuditAction.Create));
    }

    /// <summary>The sweep's sealing transactions are its own too: it seals a waiting entry and makes no savepoint (decision 0101).</summary>
    [SkippableFact]
    public async Task TheSweep_SealsAWaitingEntry_AndMakesNoSavepoint()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var configured = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var key = Guid.NewGuid().ToString();
        db.UnsealedAudit.Add(UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditSweepSavepointTest", key), null, "system", null, DateTime.UtcNow, keyring.Current));
        await db.SaveChangesAsync();

        var savepoints = new Savepoints();
        var counted = new DbContextOptionsBuilder<AppDbContext>(configured).AddInterceptors(savepoints).Options;
        await using var sweeper = new ServiceCollection().AddSingleton(keyring).AddScoped(_ => new AppDbContext(counted, null, TimeProvider.System, keyring)).BuildServiceProvider();
        await AuditSealSweep.SweepAsync(sweeper, CancellationToken.None);

        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "AuditSweepSavepointTest" && e.EntityId == key));
        Assert.Equal(0, savepoints.Made);
    }

    /// <summary>
    /// A sweep seals each waiting entry with every field as it was written (names with accents, quotes in the changes, no
    /// changes, no user), its nonce kept, the changes' digest and a seal the key verifies, in the order written and linked
    /// to the entry before them; the trail verifies (decision 0115: on PostgreSQL the rows are moved by the database).
    /// </summary>
    [SkippableFact]
    public async Task TheSweep_SealsEachEntry_WithItsFieldsAsWritten_AndEachSealVerifies()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var end = await db.AuditLog.MaxAsync(e => (long?)e.Sequence) ?? 0;
        var child = Guid.NewGuid();
        var user = Guid.NewGuid();
        var at = DateTime.UtcNow;
        db.UnsealedAudit.AddRange(
            UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditContentTest", "1", child, "{\"GivenName\":[\"Sion\",\"Siôn \\\"Si\\\"\"]}", "Cywiro'r enw"), user, "Siân Evans", "192.0.2.7", at, keyring.Current),
            UnsealedAuditEntry.Create(new AuditRecord(AuditAction.View, "AuditContentTest", "2"), null, "system", null, at.AddMilliseconds(1), keyring.Current),
            UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Create, "AuditContentTest", "3", child, "{\"Id\":[null,\"3\"]}"), user, "Siân Evans", "2001:db8::7", at.AddMilliseconds(2), keyring.Current));
        await db.SaveChangesAsync();
        var written = await db.UnsealedAudit.AsNoTracking().Where(e => e.EntityType == "AuditContentTest").OrderBy(e => e.Id).ToListAsync();

        Assert.Equal(3, await AuditSealSweep.SweepAsync(factory.Services, CancellationToken.None));

        var before = await db.AuditLog.AsNoTracking().Where(e => e.Sequence == end).Select(e => e.Hash).SingleOrDefaultAsync() ?? AuditEntry.GenesisHash;
        var sealedEntries = await db.AuditLog.AsNoTracking().Where(e => e.Sequence > end).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(written.Select(w => w.EntityId), sealedEntries.Select(e => e.EntityId));
        Assert.Equal(Enumerable.Range(1, 3).Select(i => end + i), sealedEntries.Select(e => e.Sequence));
        foreach (var (waiting, entry) in written.Zip(sealedEntries))
        {
            Assert.Equal((waiting.OccurredAtUtc, waiting.UserId, waiting.UserName, waiting.Action, waiting.EntityType, waiting.ChildId, waiting.Changes, waiting.IpAddress, waiting.Reason), (entry.OccurredAtUtc, entry.UserId, entry.UserName, entry.Action, entry.EntityType, entry.ChildId, entry.Changes, entry.IpAddress, entry.Reason));
            Assert.Equal(waiting.Nonce, entry.Nonce);
            Assert.Equal(waiting.Changes is null ? null : AuditEntry.DigestOf(waiting.Changes), entry.ChangesDigest);
            Assert.Equal(before, entry.PreviousHash);
            Assert.True(entry.IsSealedBy(keyring.Current));
            before = entry.Hash;
        }

        Assert.False(await db.UnsealedAudit.AnyAsync());
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.GetProperty("message").GetString());
    }

    /// <summary>Counts the savepoints EF Core makes.</summary>
    private sealed class Savepoints : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private int _made;

        public int Made => Volatile.Read(ref _made);

        public override void CreatedSavepoint(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData) =>
            Interlocked.Increment(ref _made);

        public override Task CreatedSavepointAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _made);
            return Task.CompletedTask;
        }
    }

    /// <summary>Entries as a save writes them on PostgreSQL, committed with no one left to seal them.</summary>
    private async Task<IReadOnlyList<string>> WriteUnsealedAsync(DateTime occurredAtUtc, params string[] reasons)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        var key = scope.ServiceProvider.GetRequiredService<AuditKeyring>().Current;
        foreach (var reason in reasons)
        {
            db.UnsealedAudit.Add(UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditSealingTest", "1", Reason: reason), null, "system", null, occurredAtUtc, key));
        }

        await db.SaveChangesAsync();
        return reasons;
    }

    /// <summary>The audit page's check, as an auditor asks for it in <paramref name="language"/>; the page's text.</summary>
    internal static async Task<string> VerifyOnThePageAsync(HttpClient auditor, string language)
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/audit");
        page.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var form = await (await auditor.SendAsync(page)).Content.ReadAsStringAsync();
        var token = AppFactory.AntiforgeryToken(form);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/audit?handler=Verify") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        post.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var answer = await auditor.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteAuditSealingTests(SqliteAppFactory factory) : AuditSealingTests<SqliteAppFactory>(factory);

public sealed class PostgresAuditSealingTests(PostgresAppFactory factory) : AuditSealingTests<PostgresAppFactory>(factory)
{
    private readonly PostgresAppFactory _factory = factory;

    /// <summary>
    /// While a sealer of this server holds the chain, a save that has just committed does not try for it (decision 0101):
    /// no <c>pg_try_advisory_xact_lock</c> of its own, and the holder, which looks again after its commit, seals its entry.
    /// PostgreSQL only: SQLite saves seal their own entries in the save.
    /// </summary>
    [SkippableFact]
    public async Task ASaveCommittedWhileASealerOfThisServerSeals_TriesNotForTheChain_AndThatSealerSealsIt()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var configured = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        db.UnsealedAudit.Add(UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditHeldSealerTest", "1"), null, "system", null, DateTime.UtcNow, keyring.Current));
        await db.SaveChangesAsync();

        // A sweep of this server holds the chain, stopped as it writes the entry above into the chain.
        var holding = new HoldWhenSealing();
        var held = new DbContextOptionsBuilder<AppDbContext>(configured).AddInterceptors(holding).Options;
        await using var sweeper = new ServiceCollection().AddSingleton(keyring).AddScoped(_ => new AppDbContext(held, null, TimeProvider.System, keyring)).BuildServiceProvider();
        var sweep = AuditSealSweep.SweepAsync(sweeper, CancellationToken.None);
        await holding.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var sent = new SentStatements();
        var counted = new DbContextOptionsBuilder<AppDbContext>(configured).AddInterceptors(sent).Options;
        var agency = Agency.Create("Asiantaeth tra selir", AgencyKind.Health);
        await using (var saver = new AppDbContext(counted, null, TimeProvider.System, keyring))
        {
            saver.Agencies.Add(agency);
            await saver.SaveChangesAsync();
        }

        holding.Release.SetResult();
        await sweep.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(sent.Texts, t => t.Contains("pg_try_advisory_xact_lock", StringComparison.Ordinal));
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == agency.Id.ToString() && e.Action == AuditAction.Create));
        Assert.False(await db.UnsealedAudit.AnyAsync());
    }

    /// <summary>
    /// A save that commits after a sealer's last look, while that sealer's mark still stands, leaves its entries to it
    /// (decision 0101): the sealer, once its mark is gone, looks once more and seals them. Here the sealer is the one a
    /// save runs after its commit, held just after the look that found nothing more waiting; the tests run no sweep, so
    /// without that last look the second save's entry would wait (in the app, for the next sweep).
    /// </summary>
    [SkippableFact]
    public async Task ASaveCommittedAfterASealersLastLook_IsSealedByThatSealer()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var configured = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The first save seals its own entry after its commit, and is held just after its sealer's last look.
        var holding = new HoldAfterLastLook();
        var held = new DbContextOptionsBuilder<AppDbContext>(configured).AddInterceptors(holding).Options;
        var first = Agency.Create("Asiantaeth gyntaf yr olwg olaf", AgencyKind.Health);
        var second = Agency.Create("Asiantaeth ar ôl yr olwg olaf", AgencyKind.Health);
        await using var firstSaver = new AppDbContext(held, null, TimeProvider.System, keyring);
        firstSaver.Agencies.Add(first);
        var firstSave = firstSaver.SaveChangesAsync();
        await holding.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The second commits while the first's sealer still stands marked, so it leaves its entry to that sealer.
        await using (var secondSaver = new AppDbContext(configured, null, TimeProvider.System, keyring))
        {
            secondSaver.Agencies.Add(second);
            await secondSaver.SaveChangesAsync();
        }

        holding.Release.SetResult();
        await firstSave.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == first.Id.ToString() && e.Action == AuditAction.Create));
        Assert.Equal(1, await db.AuditLog.CountAsync(e => e.EntityType == "Agency" && e.EntityId == second.Id.ToString() && e.Action == AuditAction.Create));
        Assert.False(await db.UnsealedAudit.AnyAsync());
    }

    /// <summary>
    /// A sealing round on PostgreSQL moves the waiting rows into the chain in one statement (decision 0115): the insert
    /// into the chain is the statement that deletes them from the waiting table, no other statement deletes there, and
    /// the nonces already in the chain are asked with the waiting rows, not in a read of their own.
    /// </summary>
    [SkippableFact]
    public async Task ASealingRound_MovesTheWaitingRowsIntoTheChain_InOneStatement()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var configured = scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;
        db.UnsealedAudit.AddRange(Enumerable.Range(1, 5).Select(i => UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "AuditOneStatementTest", i.ToString(CultureInfo.InvariantCulture), Changes: "{}"), null, "system", null, DateTime.UtcNow, keyring.Current)));
        await db.SaveChangesAsync();

        var sent = new SentStatements();
        var counted = new DbContextOptionsBuilder<AppDbContext>(configured).AddInterceptors(sent).Options;
        await using var sweeper = new ServiceCollection().AddSingleton(keyring).AddScoped(_ => new AppDbContext(counted, null, TimeProvider.System, keyring)).BuildServiceProvider();
        Assert.Equal(5, await AuditSealSweep.SweepAsync(sweeper, CancellationToken.None));

        var inserts = sent.Texts.Where(t => t.Contains("INSERT INTO audit_entries (", StringComparison.Ordinal)).ToList();
        Assert.Contains("DELETE FROM audit_entries_unsealed", Assert.Single(inserts), StringComparison.Ordinal);
        Assert.Single(sent.Texts, t => t.Contains("DELETE FROM", StringComparison.Ordinal));
        Assert.DoesNotContain(sent.Texts, t => t.Contains("\"Nonce\" = ANY", StringComparison.Ordinal));
        Assert.Equal(5, await db.AuditLog.CountAsync(e => e.EntityType == "AuditOneStatementTest"));
        Assert.False(await db.UnsealedAudit.AnyAsync());
    }

    /// <summary>Holds a sealer after the first look at the waiting table that comes after it wrote into the chain: its last.</summary>
    private sealed class HoldAfterLastLook : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _wrote;

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO audit_entries (", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref _wrote, 1);
            }
            else if (Volatile.Read(ref _wrote) == 1 && command.CommandText.Contains("EXISTS", StringComparison.Ordinal)
                && command.CommandText.Contains("audit_entries_unsealed", StringComparison.Ordinal) && Reached.TrySetResult())
            {
                await Release.Task;
            }

            return result;
        }
    }

    /// <summary>Holds a sealer inside its round, as it writes the waiting entries into the chain, until released.</summary>
    private sealed class HoldWhenSealing : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO audit_entries (", StringComparison.Ordinal) && Reached.TrySetResult())
            {
                await Release.Task;
            }

            return result;
        }
    }

    /// <summary>The statements a context sends.</summary>
    private sealed class SentStatements : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
