namespace CaseManagement.Domain.Audit;

/// <summary>
/// What every audit entry says, wherever it is kept: who did what to which record, when, from where, and why. The chain's
/// entries (<see cref="AuditEntry"/>), the ones waiting to be sealed (<see cref="UnsealedAuditEntry"/>) and the ones set
/// aside (<see cref="SetAsideAuditEntry"/>) keep these fields in columns of the same names and shapes, declared here once
/// (decision 0105) so that a field added or changed is added or changed in all three.
/// </summary>
public abstract class AuditEntryContent
{
    private protected AuditEntryContent()
    {
        UserName = string.Empty;
        EntityType = string.Empty;
        EntityId = string.Empty;
    }

    /// <summary>What a use case asked to record, with who, when and from where.</summary>
    private protected AuditEntryContent(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc)
    {
        ArgumentNullException.ThrowIfNull(record);

        // Whole microseconds: the finest time PostgreSQL keeps, so the hash reads back the same from every database.
        OccurredAtUtc = new DateTime(occurredAtUtc.Ticks - (occurredAtUtc.Ticks % 10), DateTimeKind.Utc);
        UserId = userId;
        UserName = userName;
        Action = record.Action;
        EntityType = record.EntityType;
        EntityId = record.EntityId;
        ChildId = record.ChildId;
        Changes = record.Changes;
        IpAddress = ipAddress;
        Reason = record.Reason;
    }

    /// <summary>The content of <paramref name="other"/>, as it was.</summary>
    private protected AuditEntryContent(AuditEntryContent other)
    {
        ArgumentNullException.ThrowIfNull(other);
        OccurredAtUtc = other.OccurredAtUtc;
        UserId = other.UserId;
        UserName = other.UserName;
        Action = other.Action;
        EntityType = other.EntityType;
        EntityId = other.EntityId;
        ChildId = other.ChildId;
        Changes = other.Changes;
        IpAddress = other.IpAddress;
        Reason = other.Reason;
    }

    public DateTime OccurredAtUtc { get; private set; }

    public Guid? UserId { get; private set; }

    /// <summary>The user's name when they acted, kept so the trail still reads after an account is renamed.</summary>
    public string UserName { get; private set; }

    public AuditAction Action { get; private set; }

    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>The child the record is about, so the trail can be read child by child.</summary>
    public Guid? ChildId { get; private set; }

    /// <summary>
    /// What changed: a JSON object of property → [before, after]; null for a view. Cleared, with its digest kept, once the
    /// record a sealed entry is about has been destroyed (<see cref="AuditEntry.IsRedacted"/>; decision 0051), and once a
    /// set-aside row has been kept as long as retention allows (<see cref="SetAsideAuditEntry.IsCleared"/>; decision 0099).
    /// </summary>
    public string? Changes { get; private set; }

    public string? IpAddress { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>What a use case asked the trail to record, as this entry holds it.</summary>
    public AuditRecord ToRecord() => new(Action, EntityType, EntityId, ChildId, Changes, Reason);
}

/// <summary>
/// An entry as a save wrote it to the waiting table (decision 0085): its content, a random nonce and the app's MAC over both
/// with the audit key. The waiting table's rows (<see cref="UnsealedAuditEntry"/>) and the set-aside table's
/// (<see cref="SetAsideAuditEntry"/>, a waiting row moved as it was) keep these fields alike.
/// </summary>
public abstract class WaitingAuditEntryContent : AuditEntryContent
{
    private protected WaitingAuditEntryContent()
    {
        Nonce = string.Empty;
        KeyId = string.Empty;
        Mac = string.Empty;
    }

    private protected WaitingAuditEntryContent(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc, string nonce, string keyId)
        : base(record, userId, userName, ipAddress, occurredAtUtc)
    {
        Nonce = nonce;
        KeyId = keyId;
        Mac = string.Empty;
    }

    /// <summary>The content, nonce, key id and MAC of <paramref name="other"/>, as they were.</summary>
    private protected WaitingAuditEntryContent(WaitingAuditEntryContent other)
        : base(other)
    {
        Nonce = other.Nonce;
        KeyId = other.KeyId;
        Mac = other.Mac;
    }

    /// <summary>16 random bytes (hex), unique among the waiting entries and the sealed ones: the entry, written once.</summary>
    public string Nonce { get; private set; }

    /// <summary>The audit key the <see cref="Mac"/> was made with (<see cref="AuditKey.Id"/>).</summary>
    public string KeyId { get; private set; }

    /// <summary>The app's HMAC of the entry's content and nonce with the audit key: only the app, holding the key, can write it.</summary>
    public string Mac { get; private protected set; }
}
