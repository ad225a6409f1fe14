namespace CaseManagement.Domain.Audit;

/// <summary>Why the sealer would not seal a waiting entry (decision 0085).</summary>
public enum SetAsideReason
{
    /// <summary>Its MAC is not the app's (or it has none that a key of this installation made): the app did not write it.</summary>
    NotWrittenByTheApp,

    /// <summary>Its nonce is already in the chain: a copy of an entry that was sealed before.</summary>
    AlreadySealed,
}

/// <summary>
/// A row found in the waiting table that the sealer would not seal (decision 0085): moved here as it was, in the same
/// transaction that removed it from the waiting table, never deleted, and reported by every check of the trail as a
/// finding, since someone wrote to the audit tables without the app. Its <see cref="AuditEntryContent.Changes"/>, which may hold a child's
/// details, are kept no longer than the retention schedule allows (decision 0099): then they are cleared and only their
/// digest is kept with the rest of the row, the evidence of the write.
/// </summary>
public sealed class SetAsideAuditEntry : WaitingAuditEntryContent
{
    private SetAsideAuditEntry()
    {
    }

    private SetAsideAuditEntry(UnsealedAuditEntry waiting)
        : base(waiting)
    {
    }

    public long Id { get; private set; }

    /// <summary>The row's id in the waiting table, which the sealer's log line names.</summary>
    public long WaitingId { get; private set; }

    public DateTime SetAsideAtUtc { get; private set; }

    public SetAsideReason Why { get; private set; }

    /// <summary>The SHA-256 of <see cref="AuditEntryContent.Changes"/> (<see cref="AuditEntry.DigestOf"/>), kept when they are cleared; null when there were none, or for a row set aside before schema 0044 until its changes are cleared.</summary>
    public string? ChangesDigest { get; private set; }

    /// <summary>Kept in the place of the changes once retention has cleared them (decision 0099).</summary>
    public bool IsCleared => Changes is null && ChangesDigest is not null;

    public static SetAsideAuditEntry From(UnsealedAuditEntry waiting, SetAsideReason why, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        return new SetAsideAuditEntry(waiting)
        {
            WaitingId = waiting.Id,
            SetAsideAtUtc = nowUtc,
            Why = why,
            ChangesDigest = waiting.Changes is null ? null : AuditEntry.DigestOf(waiting.Changes),
        };
    }
}
