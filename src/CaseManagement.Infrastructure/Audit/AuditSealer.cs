using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Audit;

/// <summary>
/// Chains the entries saves wrote unsealed (decision 0085): in one short transaction under the chain's lock, it reads
/// the last sealed entry and the waiting ones in the order they were written, gives each its place, the hash before it
/// and its seal, adds them to the trail and removes them from the waiting table. Every entry waiting when the lock is
/// granted is sealed in the one hold (group commit), so the lock is held once for many saves, and for none of their
/// rows. On SQLite, whose writes are one at a time anyway, saves still seal their entries themselves.
/// A waiting row whose MAC is not the app's, or whose nonce is already in the chain, is not sealed: it is moved to
/// <c>audit_entries_set_aside</c> in the same transaction, logged by its id alone, and reported by every check of the trail.
/// </summary>
internal static partial class AuditSealer
{
    /// <summary>The most entries sealed in one transaction; more waiting are sealed in the next round.</summary>
    internal const int Batch = 500;

    /// <summary>
    /// Rounds one call seals at most. A sealer that sealed looks again once it has committed, so an entry whose save
    /// found the lock held is sealed by the holder; the bound keeps one request from sealing for everyone under a long
    /// burst, and the sweep takes what is left.
    /// </summary>
    private const int MostRounds = 8;

    /// <summary>Whether saves on this database write their entries unsealed, for the sealer; on SQLite they seal them in the save.</summary>
    public static bool QueuesEntries(DatabaseFacade database) => !database.IsSqlite();

    /// <summary>
    /// Seals what is waiting. <paramref name="wait"/> false (straight after a save's commit): gives up at once when another
    /// sealer holds the chain, as that one looks again after its commit. True (the sweep): waits for the lock.
    /// <paramref name="justWrote"/>: the caller knows entries are waiting, so the first look is skipped. Returns how many
    /// were taken from the waiting table (sealed, or set aside as not the app's).
    /// </summary>
    public static async Task<int> SealWaitingAsync(AppDbContext db, AuditKeyring keyring, bool wait, bool justWrote, CancellationToken cancellationToken)
    {
        var here = Here.GetOrAdd(DatabaseOf(db.Database), _ => new SealersHere());
        var total = 0;
        long commitsAtLastLook;
        bool marked;
        var sealing = new Sealing(here);
        try
        {
            (total, commitsAtLastLook) = await SealRoundsAsync(db, keyring, wait, justWrote, sealing, cancellationToken);
            marked = sealing.WasHeld;
        }
        catch (Exception) when (sealing.WasHeld)
        {
            // Failed (or stopped) after making its mark: saves that committed meanwhile left their entries to it. Take the
            // mark away and try one look for them, unmarked, before the failure goes on to the caller (review of 0101).
            sealing.Dispose();
            db.ChangeTracker.Clear();
            try
            {
                await SealRoundsAsync(db, keyring, wait, justWrote: false, sealing: null, cancellationToken);
            }
            catch (Exception) when (db.ChangeTracker is not null)
            {
                // The first failure is the one reported; what is still waiting is the sweep's.
                db.ChangeTracker.Clear();
            }

            throw;
        }
        finally
        {
            sealing.Dispose();
        }

        // A save that committed after this sealer's last look, while its mark still stood, left its entries to it
        // (decision 0101). The mark is gone now, so every later save seals its own; look once more for those that came
        // between, unmarked, as 0085's sealer does (a sealer holding the chain looks again after its commit).
        if (marked && Volatile.Read(ref here.Commits) != commitsAtLastLook)
        {
            total += (await SealRoundsAsync(db, keyring, wait, justWrote: false, sealing: null, cancellationToken)).Sealed;
        }

        return total;
    }

    private static async Task<(int Sealed, long CommitsAtLastLook)> SealRoundsAsync(AppDbContext db, AuditKeyring keyring, bool wait, bool justWrote, Sealing? sealing, CancellationToken cancellationToken)
    {
        var total = 0;
        var commitsAtLastLook = 0L;
        for (var round = 0; round < MostRounds; round++)
        {
            // Stopping (the host shutting down) is heard between rounds, never inside one: see SealOnceAsync.
            cancellationToken.ThrowIfCancellationRequested();

            // Every save counts its commit before asking whether a sealer is here, so a count read before this look that
            // is still the same when the mark is taken away means no save committed unseen (SealWaitingAsync).
            commitsAtLastLook = Volatile.Read(ref (sealing?.Here ?? NoOne).Commits);
            if ((round > 0 || !justWrote) && !await Waiting(db).AnyAsync(cancellationToken))
            {
                break;
            }

            var sealedNow = await SealOnceAsync(db, keyring, wait, sealing, cancellationToken);
            if (sealedNow < 0)
            {
                // Another sealer holds the chain: it looks again after its commit.
                break;
            }

            // Nothing sealed (another sealer took them first) is not the end: a save that committed while this one held
            // the lock found it held and gave up, so look again (review of s10-p, finding 2); the next round's check ends
            // the loop when nothing waits.

            total += sealedNow;
        }

        return (total, commitsAtLastLook);
    }

    // The sealers of this server now sealing each database (from a sealer's first hold of the chain until it has looked
    // for the last time), and the commits its saves have counted: by server and database, so two apps in one process
    // (the tests) never rely on each other's sealer.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SealersHere> Here = new(StringComparer.Ordinal);
    private static readonly SealersHere NoOne = new();

    private sealed class SealersHere
    {
        public int Sealers;
        public long Commits;
    }

    /// <summary>One sealer's mark in <see cref="Here"/>: made when it first holds the chain, taken away when it ends.</summary>
    private sealed class Sealing(SealersHere here) : IDisposable
    {
        private bool _held;

        public SealersHere Here => here;

        /// <summary>Whether the mark was ever made: only then may a save have left its entries to this sealer.</summary>
        public bool WasHeld { get; private set; }

        public void Hold()
        {
            if (!_held)
            {
                Interlocked.Increment(ref here.Sealers);
                _held = true;
                WasHeld = true;
            }
        }

        public void Dispose()
        {
            if (_held)
            {
                Interlocked.Decrement(ref here.Sealers);
                _held = false;
            }
        }
    }

    private static string DatabaseOf(DatabaseFacade database)
    {
        var connection = database.GetDbConnection();
        return $"{connection.DataSource}/{connection.Database}";
    }

    /// <summary>
    /// Called by a save that has just committed: counts the commit, then says whether a sealer of this server is sealing
    /// this database now (decision 0101). If one is, the save need not try for the chain: that sealer looks again after
    /// each commit and, when its mark is gone, once more if any save committed after its last look, so it seals what
    /// has come since, as it would for a save that tried and found the lock held.
    /// </summary>
    public static bool CommittedWhileSealingHere(DatabaseFacade database)
    {
        var here = Here.GetOrAdd(DatabaseOf(database), _ => new SealersHere());
        Interlocked.Increment(ref here.Commits);
        return Volatile.Read(ref here.Sealers) > 0;
    }

    /// <summary>
    /// The waiting entries a sealer may take now. On SQL Server without read-committed snapshot, reading past rows a
    /// save has written but not committed (READPAST), which would otherwise hold the sealer, and the chain, until that
    /// save commits; they are sealed by the next look. PostgreSQL's readers never wait for writers.
    /// </summary>
    private static IQueryable<UnsealedAuditEntry> Waiting(AppDbContext db) =>
        db.Database.IsSqlServer() ? db.UnsealedAudit.FromSqlRaw("SELECT * FROM [audit_entries_unsealed] WITH (READPAST)") : db.UnsealedAudit;

    /// <summary>
    /// One sealing transaction. <paramref name="cancellationToken"/> (the sweep's stopping token) may end the wait for the
    /// chain's lock, and nothing after it: once the lock is held the round is milliseconds of work, and a round cut off
    /// half-way made EF Core log its rollback to the save point, or its commit, as an error at every shutdown that came
    /// while the sweep was sealing (decision 0099). The round finishes; the next one hears the stop.
    /// </summary>
    private static async Task<int> SealOnceAsync(AppDbContext db, AuditKeyring keyring, bool wait, Sealing? sealing, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var none = CancellationToken.None;
        await using var transaction = await db.Database.BeginTransactionAsync(none);
        if (wait)
        {
            await AuditWriter.LockChainAsync(db, cancellationToken);
        }
        else if (!await AuditWriter.TryLockChainAsync(db, none))
        {
            await transaction.RollbackAsync(none);
            return -1;
        }

        // From here to its last look, a save of this server that commits need not try for the chain (decision 0101).
        sealing?.Hold();

        cancellationToken = none;

        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);

        // With each entry, whether the chain already holds its nonce (a copy of an entry already sealed): one read, not two
        // (decision 0115).
        var read = await Waiting(db).AsNoTracking().OrderBy(e => e.Id).Take(Batch)
            .Select(e => new { Entry = e, InTheChain = db.AuditLog.Any(a => a.Nonce == e.Nonce) })
            .ToListAsync(cancellationToken);
        if (read.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        // Only the app holds the key its MAC needs; a copy of an entry already sealed has the nonce the chain keeps.
        var waiting = read.Select(r => r.Entry).ToList();
        var alreadySealed = read.Where(r => r.InTheChain).Select(r => r.Entry.Id).ToHashSet();
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? AuditEntry.GenesisHash;
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var setAside = new List<SetAsideAuditEntry>();
        var chained = new List<(long WaitingId, AuditEntry Entry)>(waiting.Count);
        foreach (var entry in waiting)
        {
            var notTheApps = !entry.IsWrittenWith(keyring);
            if (notTheApps || alreadySealed.Contains(entry.Id))
            {
                setAside.Add(SetAsideAuditEntry.From(entry, notTheApps ? SetAsideReason.NotWrittenByTheApp : SetAsideReason.AlreadySealed, now));
                continue;
            }

            var sealedEntry = entry.Seal(++sequence, previousHash, keyring.Current);
            previousHash = sealedEntry.Hash;
            chained.Add((entry.Id, sealedEntry));
        }

        int removed;
        if (setAside.Count == 0 && db.Database.IsNpgsql())
        {
            // PostgreSQL: the waiting rows moved into the chain in one statement, each with the place, previous hash and seal
            // worked out above (decision 0115).
            removed = await MoveIntoTheChainAsync(db, chained, cancellationToken);
        }
        else
        {
            db.AuditLog.AddRange(chained.Select(c => c.Entry));
            db.SetAsideAudit.AddRange(setAside);
            await db.SaveChangesAsync(cancellationToken);
            var ids = waiting.Select(e => e.Id).ToList();

            // Ids are written in order but committed in any order: only the ones read are removed, never one committed since.
            // By id alone, not a range of ids: on SQL Server a range would wait on a save's row not yet committed inside it.
            removed = await db.UnsealedAudit.Where(e => ids.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        if (removed != waiting.Count)
        {
            // Another sealer took some of them, which the lock rules out: seal nothing twice.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            throw new InvalidOperationException($"The audit sealer removed {removed} waiting entries of the {waiting.Count} it sealed: is the chain's lock held?");
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (setAside.Count > 0)
        {
            // By the row's id and the reason only: the row's content may be about a child.
            var logger = db.GetService<ILoggerFactory>().CreateLogger(typeof(AuditSealer));
            foreach (var entry in setAside)
            {
                SetAside(logger, entry.WaitingId, entry.Why);
            }
        }

        return waiting.Count;
    }

    /// <summary>
    /// PostgreSQL: deletes the waiting rows read (by their ids alone) and inserts each into the chain with its content as the
    /// row holds it and the sequence, changes' digest, previous hash, seal and key the sealer worked out, in one statement;
    /// how many moved. What a sealing round sent as EF's insert of every entry's sixteen values and a delete after it
    /// (decision 0115). The content is the row's own, read in this transaction under the chain's lock, and the waiting
    /// table refuses updates, so it is the content the seal was made of; were it not, verification would find the entry broken.
    /// </summary>
    private static async Task<int> MoveIntoTheChainAsync(AppDbContext db, IReadOnlyList<(long WaitingId, AuditEntry Entry)> chained, CancellationToken cancellationToken)
    {
        const string Sql = """
            WITH sealed AS (
                SELECT * FROM unnest(@ids, @sequences, @digests, @previous, @hashes, @keys) AS s("Id", "Sequence", "ChangesDigest", "PreviousHash", "Hash", "KeyId")
            ), moved AS (
                DELETE FROM audit_entries_unsealed AS u USING sealed AS s WHERE u."Id" = s."Id"
                RETURNING s."Sequence", u."OccurredAtUtc", u."UserId", u."UserName", u."Action", u."EntityType", u."EntityId", u."ChildId",
                    u."Changes", u."IpAddress", u."Reason", s."ChangesDigest", s."PreviousHash", s."Hash", s."KeyId", u."Nonce"
            ), added AS (
                INSERT INTO audit_entries ("Sequence", "OccurredAtUtc", "UserId", "UserName", "Action", "EntityType", "EntityId", "ChildId",
                    "Changes", "IpAddress", "Reason", "ChangesDigest", "PreviousHash", "Hash", "KeyId", "Nonce")
                SELECT * FROM moved
                RETURNING 1
            )
            SELECT count(*)::int AS "Value" FROM added
            """;
        Npgsql.NpgsqlParameter[] parameters =
        [
            new("ids", chained.Select(c => c.WaitingId).ToArray()),
            new("sequences", chained.Select(c => c.Entry.Sequence).ToArray()),
            new("digests", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = chained.Select(c => c.Entry.ChangesDigest).ToArray() },
            new("previous", chained.Select(c => c.Entry.PreviousHash).ToArray()),
            new("hashes", chained.Select(c => c.Entry.Hash).ToArray()),
            new("keys", chained.Select(c => c.Entry.KeyId!).ToArray()),
        ];
        return (await db.Database.SqlQueryRaw<int>(Sql, parameters).ToListAsync(cancellationToken)).Single();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit sealer set aside waiting entry {WaitingId} ({Why}) and did not seal it: someone wrote to the audit tables without the app.")]
    private static partial void SetAside(ILogger logger, long waitingId, SetAsideReason why);
}
