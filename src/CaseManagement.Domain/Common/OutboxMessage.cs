namespace CaseManagement.Domain.Common;

/// <summary>
/// What every message in an outbox keeps of its sending, whatever it carries (an e-mail, an event for a partner): written
/// in the same transaction as what it reports, claimed by one dispatch run at a time with a lease, and tried again after
/// a failure until it is done or given up. Not an entity type of its own: each outbox maps these as its own table's
/// columns, and keeps its own "done" and "given up" times and its own retry rule (decision 0110).
/// </summary>
public abstract class OutboxMessage
{
    // For EF Core.
    protected OutboxMessage()
    {
    }

    /// <summary>A message due at once.</summary>
    protected OutboxMessage(DateTime nowUtc)
    {
        Id = Guid.NewGuid();
        CreatedAtUtc = nowUtc;
        NextAttemptAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime NextAttemptAtUtc { get; private set; }

    /// <summary>Counted when a dispatch run claims the message, so a run that dies mid-send still uses up an attempt.</summary>
    public int Attempts { get; private set; }

    /// <summary>The dispatch run holding the message; other runs leave it alone until <see cref="LeaseExpiresAtUtc"/>.</summary>
    public Guid? LeaseId { get; private set; }

    public DateTime? LeaseExpiresAtUtc { get; private set; }

    /// <summary>Why the last attempt failed, in our words (never a receiver's answer).</summary>
    public string? LastError { get; private set; }
}
