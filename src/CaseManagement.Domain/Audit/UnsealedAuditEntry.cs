namespace CaseManagement.Domain.Audit;

/// <summary>
/// An audit entry written by a save but not yet placed in the chain (decision 0085): who did what to which record,
/// when, from where, and why, with no position, no previous hash and no seal. The sealer takes the waiting entries in
/// the order they were written, chains and seals them as <see cref="AuditEntry"/> rows and removes them from here, in
/// one short transaction under the chain's lock, so no request waits for the chain.
/// </summary>
public sealed class UnsealedAuditEntry
{
    private UnsealedAuditEntry()
    {
        EntityType = string.Empty;
        EntityId = string.Empty;
        UserName = string.Empty;
    }

    /// <summary>The order the entries were written in (the database numbers them); not their place in the chain.</summary>
    public long Id { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; }

    public AuditAction Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    public Guid? ChildId { get; private set; }

    public string? Changes { get; private set; }

    public string? IpAddress { get; private set; }

    public string? Reason { get; private set; }

    public static UnsealedAuditEntry Create(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc)
    {
        // The entry it becomes, made now so that the time is cut to what every database keeps, as the chain's entries are.
        var entry = AuditEntry.Create(record, userId, userName, ipAddress, occurredAtUtc);
        return new UnsealedAuditEntry
        {
            OccurredAtUtc = entry.OccurredAtUtc,
            UserId = entry.UserId,
            UserName = entry.UserName,
            Action = entry.Action,
            EntityType = entry.EntityType,
            EntityId = entry.EntityId,
            ChildId = entry.ChildId,
            Changes = entry.Changes,
            IpAddress = entry.IpAddress,
            Reason = entry.Reason,
        };
    }

    /// <summary>The chain's entry this one becomes at <paramref name="sequence"/>, after <paramref name="previousHash"/>, sealed with <paramref name="key"/>.</summary>
    public AuditEntry Seal(long sequence, string previousHash, AuditKey key)
    {
        var entry = AuditEntry.Create(new AuditRecord(Action, EntityType, EntityId, ChildId, Changes, Reason), UserId, UserName, IpAddress, OccurredAtUtc);
        entry.Chain(sequence, previousHash, key);
        return entry;
    }
}
