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

    /// <summary>
    /// <see cref="Message"/> as its sentences, each an English format of <see cref="AuditTexts"/> and its values, for a page
    /// to say in the reader's language (decision 0099). Not in the API, whose <see cref="Message"/> stays English.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<AuditSentence> Sentences { get; init; } = [];
}

/// <summary>One sentence of a check of the trail: an English composite format from <see cref="AuditTexts"/> and the values that fill it in.</summary>
public sealed record AuditSentence(string Text, IReadOnlyList<string> Values)
{
    public static AuditSentence Of(string text, params object[] values) =>
        new(text, [.. values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)]);

    /// <summary>The sentence in English, filled in: what <see cref="AuditVerification.Message"/> and <c>audit-verify</c> say.</summary>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Text, [.. Values.Cast<object>()]);

    /// <summary>The sentence in the words of <paramref name="format"/> (the resources' translation of <see cref="Text"/>); the English one if the translation asks for values it does not have.</summary>
    public string Format(string format, IFormatProvider culture)
    {
        try
        {
            return string.Format(culture, format, [.. Values.Cast<object>()]);
        }
        catch (FormatException)
        {
            return ToString();
        }
    }
}

/// <summary>
/// Every sentence a check of the trail says, as English composite formats (decision 0099, as 0095's <c>MatchTexts</c>):
/// each is also the key of its translation in the resources (tools/strings/audit_check.py).
/// </summary>
public static class AuditTexts
{
    public const string CheckpointNotSigned = "The latest checkpoint is not signed with the audit key: the checkpoint file was altered.";
    public const string EndsBeforeTheKey = "The trail ends at entry {0}, but it held {1} entries when the audit key was made: the entries after {0} were removed.";
    public const string EndsBeforeTheCheckpoint = "The trail ends at entry {0}, but the check of {1} saw {2} entries: the entries after {0} were removed.";
    public const string Intact = "All {0} entries are intact.";
    public const string StillHolds = "The trail still holds the {0} entries of the check of {1}.";
    public const string Missing = "Entry {0} is missing: the next entry found is {1}.";
    public const string DoesNotFollow = "Entry {0} does not follow entry {1}: an entry before it was altered or removed.";
    public const string NotKeyed = "Entry {0} is not sealed with the audit key: it was written or rewritten without the key.";
    public const string Altered = "Entry {0} was altered after it was written.";
    public const string UnknownKey = "Entry {0} is sealed with a key this installation does not hold ({1}): the entry was forged, or that key is missing from the audit keys.";
    public const string Rewritten = "Entry {0} is not the entry the check of {1} saw: the trail was rewritten up to it.";
    public const string Waiting = "{0} entries are waiting to be sealed into the chain, the oldest written at {1} UTC.";
    public const string WaitedTooLong = "It has waited longer than {0} seconds: the sealer is not running or is failing, and the entries waiting are not protected by the chain.";
    public const string SetAside = "{0} entries found waiting to be sealed were set aside, not sealed (waiting ids {1}): the app did not write them, or they copy an entry already sealed. Someone wrote to the audit tables without the app.";

    public static IReadOnlyList<string> All { get; } =
        [CheckpointNotSigned, EndsBeforeTheKey, EndsBeforeTheCheckpoint, Intact, StillHolds, Missing, DoesNotFollow, NotKeyed, Altered, UnknownKey, Rewritten, Waiting, WaitedTooLong, SetAside];

    /// <summary>The sentences about entries outside the chain, which the audit page says in words of its own (the waiting count and time, the rows set aside).</summary>
    public static IReadOnlySet<string> OutsideTheChain { get; } = new HashSet<string>(StringComparer.Ordinal) { Waiting, WaitedTooLong, SetAside };
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
        var said = Add(result, AuditSentence.Of(AuditTexts.Waiting, waiting, oldest.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        if (late)
        {
            said = Add(said, AuditSentence.Of(AuditTexts.WaitedTooLong, MaximumMergeDelay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));
        }

        return said with { IsIntact = result.IsIntact && !late, Waiting = waiting, OldestWaitingUtc = oldest, WaitedTooLong = late };
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
        return Add(result, AuditSentence.Of(AuditTexts.SetAside, setAside, ids)) with { IsIntact = false, SetAside = setAside };
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
            return Said(false, 0, null, AuditSentence.Of(AuditTexts.CheckpointNotSigned));
        }

        var previousHash = AuditEntry.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        foreach (var entry in entriesInSequence)
        {
            if (Broken(entry, expected, previousHash, keyring, checkpoint) is { } message)
            {
                return Said(false, checkedCount, expected, message);
            }

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        if (keyring.PlainEntriesUntil > checkedCount)
        {
            return Said(false, checkedCount, checkedCount + 1, AuditSentence.Of(AuditTexts.EndsBeforeTheKey, checkedCount, keyring.PlainEntriesUntil));
        }

        if (checkpoint is not null && checkpoint.Sequence > checkedCount)
        {
            return Said(false, checkedCount, checkedCount + 1, AuditSentence.Of(AuditTexts.EndsBeforeTheCheckpoint, checkedCount, When(checkpoint), checkpoint.Sequence));
        }

        var intact = Said(true, checkedCount, null, AuditSentence.Of(AuditTexts.Intact, checkedCount)) with { LastSequence = checkedCount == 0 ? null : checkedCount, LastHash = checkedCount == 0 ? null : previousHash };
        return checkpoint is null ? intact : Add(intact, AuditSentence.Of(AuditTexts.StillHolds, checkpoint.Sequence, When(checkpoint)));
    }

    private static AuditVerification Said(bool isIntact, long entriesChecked, long? firstBrokenSequence, AuditSentence sentence) =>
        new(isIntact, entriesChecked, firstBrokenSequence, sentence.ToString()) { Sentences = [sentence] };

    /// <summary>One more sentence, in <see cref="AuditVerification.Message"/> and <see cref="AuditVerification.Sentences"/> alike.</summary>
    private static AuditVerification Add(AuditVerification result, AuditSentence sentence) =>
        result with { Message = result.Message + " " + sentence, Sentences = [.. result.Sentences, sentence] };

    private static AuditSentence? Broken(AuditEntry entry, long expected, string previousHash, AuditKeyring keyring, AuditCheckpoint? checkpoint)
    {
        if (entry.Sequence != expected)
        {
            return AuditSentence.Of(AuditTexts.Missing, expected, entry.Sequence);
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return AuditSentence.Of(AuditTexts.DoesNotFollow, entry.Sequence, entry.Sequence - 1);
        }

        if (entry.KeyId is null)
        {
            // Only the entries written before the key was made may be unkeyed: they are sealed in turn by the first keyed
            // entry, whose seal covers their last hash. Any later one was written, or rewritten, without the key.
            if (entry.Sequence > keyring.PlainEntriesUntil)
            {
                return AuditSentence.Of(AuditTexts.NotKeyed, entry.Sequence);
            }

            if (!string.Equals(entry.ComputeUnkeyedHash(), entry.Hash, StringComparison.Ordinal))
            {
                return AuditSentence.Of(AuditTexts.Altered, entry.Sequence);
            }
        }
        else if (keyring.Find(entry.KeyId) is not { } key)
        {
            return AuditSentence.Of(AuditTexts.UnknownKey, entry.Sequence, entry.KeyId);
        }
        else if (!entry.IsSealedBy(key) || !entry.ChangesMatchDigest)
        {
            return AuditSentence.Of(AuditTexts.Altered, entry.Sequence);
        }

        if (checkpoint is not null && checkpoint.Sequence == entry.Sequence && !string.Equals(checkpoint.Hash, entry.Hash, StringComparison.Ordinal))
        {
            return AuditSentence.Of(AuditTexts.Rewritten, entry.Sequence, When(checkpoint));
        }

        return null;
    }

    private static string When(AuditCheckpoint checkpoint) =>
        checkpoint.CheckedAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
