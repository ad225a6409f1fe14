using System.Globalization;

namespace CaseManagement.Domain.Audit;

/// <summary>
/// The outcome of checking the audit trail's hash chain. <see cref="LastSequence"/> and <see cref="LastHash"/> are the
/// end of an intact trail; <see cref="Checkpoint"/> is the signed checkpoint of that end, kept outside the database.
/// </summary>
public sealed record AuditVerification(
    bool IsIntact,
    long EntriesChecked,
    long? FirstBrokenSequence,
    string Message,
    long? LastSequence = null,
    string? LastHash = null,
    string? Checkpoint = null,
    long Waiting = 0,
    DateTime? OldestWaitingUtc = null,
    bool WaitedTooLong = false,
    long SetAside = 0)
{
    /// <summary>
    /// Whether the sealed chain itself (and its checkpoint) is intact, whatever is said of the entries not in it: an entry
    /// waiting too long or a row set aside makes the trail not intact, but is not tampering with the chain.
    /// </summary>
    public bool ChainIsIntact { get; init; } = IsIntact;
}

/// <summary>Checks that the entries, read in sequence order, form an unbroken chain sealed with the audit keys.</summary>
public static class AuditChain
{
    /// <summary>
    /// The longest an entry may wait, written but not yet sealed into the chain (decision 0085). The sealer runs after
    /// every save that wrote entries and sweeps every few seconds; an entry older than this is a finding.
    /// </summary>
    public static readonly TimeSpan MaximumMergeDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Adds to a check the entries waiting to be sealed: <paramref name="waiting"/> of them, the oldest written at
    /// <paramref name="oldestWaitingUtc"/>. Waiting is what a busy trail does; waiting longer than
    /// <see cref="MaximumMergeDelay"/> is not, and the trail is then not reported intact.
    /// </summary>
    public static AuditVerification WithWaiting(AuditVerification result, long waiting, DateTime? oldestWaitingUtc, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (waiting <= 0 || oldestWaitingUtc is not { } oldest)
        {
            return result;
        }

        var late = nowUtc - oldest > MaximumMergeDelay;
        var message = result.Message + string.Create(CultureInfo.InvariantCulture, $" {waiting} entries are waiting to be sealed into the chain, the oldest written at {oldest:yyyy-MM-dd HH:mm:ss} UTC.");
        if (late)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" It has waited longer than {MaximumMergeDelay.TotalSeconds:0} seconds: the sealer is not running or is failing, and the entries waiting are not protected by the chain.");
        }

        return result with { IsIntact = result.IsIntact && !late, Message = message, Waiting = waiting, OldestWaitingUtc = oldest, WaitedTooLong = late };
    }

    /// <summary>
    /// Adds to a check the rows the sealer found waiting and would not seal (decision 0085): <paramref name="setAside"/>
    /// of them, named by their ids in the waiting table (<paramref name="waitingIds"/>, the first few). Any is a finding:
    /// someone wrote to the audit tables without the app, so the trail is not reported intact, though the chain may be.
    /// </summary>
    public static AuditVerification WithSetAside(AuditVerification result, long setAside, IReadOnlyList<long> waitingIds)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(waitingIds);
        if (setAside <= 0)
        {
            return result;
        }

        var ids = string.Join(", ", waitingIds.Select(id => id.ToString(CultureInfo.InvariantCulture))) + (setAside > waitingIds.Count ? ", ..." : string.Empty);
        var message = result.Message + string.Create(CultureInfo.InvariantCulture, $" {setAside} entries found waiting to be sealed were set aside, not sealed (waiting ids {ids}): the app did not write them, or they copy an entry already sealed. Someone wrote to the audit tables without the app.");
        return result with { IsIntact = false, Message = message, SetAside = setAside };
    }

    /// <param name="entriesInSequence">The whole trail, oldest first.</param>
    /// <param name="keyring">Every key that sealed entries.</param>
    /// <param name="checkpoint">The latest checkpoint kept outside the database: the trail must still hold the entry it names, unchanged.</param>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequence, AuditKeyring keyring, AuditCheckpoint? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        ArgumentNullException.ThrowIfNull(keyring);
        if (checkpoint is not null && !checkpoint.IsSignedBy(keyring))
        {
            return new AuditVerification(false, 0, null, "The latest checkpoint is not signed with the audit key: the checkpoint file was altered.");
        }

        var previousHash = AuditEntry.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        foreach (var entry in entriesInSequence)
        {
            if (Broken(entry, expected, previousHash, keyring, checkpoint) is { } message)
            {
                return new AuditVerification(false, checkedCount, expected, message);
            }

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        if (keyring.PlainEntriesUntil > checkedCount)
        {
            return new AuditVerification(false, checkedCount, checkedCount + 1, $"The trail ends at entry {checkedCount}, but it held {keyring.PlainEntriesUntil} entries when the audit key was made: the entries after {checkedCount} were removed.");
        }

        if (checkpoint is not null && checkpoint.Sequence > checkedCount)
        {
            return new AuditVerification(false, checkedCount, checkedCount + 1, $"The trail ends at entry {checkedCount}, but the check of {When(checkpoint)} saw {checkpoint.Sequence} entries: the entries after {checkedCount} were removed.");
        }

        var since = checkpoint is null ? string.Empty : $" The trail still holds the {checkpoint.Sequence} entries of the check of {When(checkpoint)}.";
        return new AuditVerification(true, checkedCount, null, $"All {checkedCount} entries are intact.{since}", checkedCount == 0 ? null : checkedCount, checkedCount == 0 ? null : previousHash);
    }

    private static string? Broken(AuditEntry entry, long expected, string previousHash, AuditKeyring keyring, AuditCheckpoint? checkpoint)
    {
        if (entry.Sequence != expected)
        {
            return $"Entry {expected} is missing: the next entry found is {entry.Sequence}.";
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: an entry before it was altered or removed.";
        }

        if (entry.KeyId is null)
        {
            // Only the entries written before the key was made may be unkeyed: they are sealed in turn by the first keyed
            // entry, whose seal covers their last hash. Any later one was written, or rewritten, without the key.
            if (entry.Sequence > keyring.PlainEntriesUntil)
            {
                return $"Entry {entry.Sequence} is not sealed with the audit key: it was written or rewritten without the key.";
            }

            if (!string.Equals(entry.ComputeUnkeyedHash(), entry.Hash, StringComparison.Ordinal))
            {
                return $"Entry {entry.Sequence} was altered after it was written.";
            }
        }
        else if (keyring.Find(entry.KeyId) is not { } key)
        {
            return $"Entry {entry.Sequence} is sealed with a key this installation does not hold ({entry.KeyId}): the entry was forged, or that key is missing from the audit keys.";
        }
        else if (!entry.IsSealedBy(key) || !entry.ChangesMatchDigest)
        {
            return $"Entry {entry.Sequence} was altered after it was written.";
        }

        if (checkpoint is not null && checkpoint.Sequence == entry.Sequence && !string.Equals(checkpoint.Hash, entry.Hash, StringComparison.Ordinal))
        {
            return $"Entry {entry.Sequence} is not the entry the check of {When(checkpoint)} saw: the trail was rewritten up to it.";
        }

        return null;
    }

    private static string When(AuditCheckpoint checkpoint) =>
        checkpoint.CheckedAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
