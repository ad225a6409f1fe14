using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Domain.Audit;

/// <summary>
/// An audit entry written by a save but not yet placed in the chain (decision 0085): who did what to which record,
/// when, from where, and why, with no position, no previous hash and no seal. The sealer takes the waiting entries in
/// the order they were written, chains and seals them as <see cref="AuditEntry"/> rows and removes them from here, in
/// one short transaction under the chain's lock, so no request waits for the chain.
/// Each entry carries the app's MAC (the audit key, over its content and a random nonce): a row someone put in the
/// waiting table by hand, without the key, is not sealed but set aside (<see cref="SetAsideAuditEntry"/>), and the nonce,
/// kept with the sealed entry, stops a copy of a real row from being sealed twice.
/// </summary>
public sealed class UnsealedAuditEntry : WaitingAuditEntryContent
{
    private UnsealedAuditEntry()
    {
    }

    private UnsealedAuditEntry(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc, string nonce, string keyId)
        : base(record, userId, userName, ipAddress, occurredAtUtc, nonce, keyId)
    {
    }

    /// <summary>The order the entries were written in (the database numbers them); not their place in the chain.</summary>
    public long Id { get; private set; }

    public static UnsealedAuditEntry Create(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc, AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The time is cut to what every database keeps, as the chain's entries' is.
        var waiting = new UnsealedAuditEntry(record, userId, userName, ipAddress, occurredAtUtc, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), key.Id);
        waiting.Mac = key.Seal(waiting.MacText());
        return waiting;
    }

    /// <summary>Whether the app wrote this entry: its MAC is the one a key of <paramref name="keyring"/> makes of its content and nonce.</summary>
    public bool IsWrittenWith(AuditKeyring keyring)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        return keyring.Find(KeyId) is { } key && Nonce is { Length: 32 } && Mac is { Length: 64 } && key.Verifies(MacText(), Mac);
    }

    /// <summary>The chain's entry this one becomes at <paramref name="sequence"/>, after <paramref name="previousHash"/>, sealed with <paramref name="key"/>.</summary>
    public AuditEntry Seal(long sequence, string previousHash, AuditKey key)
    {
        var entry = AuditEntry.Create(ToRecord(), UserId, UserName, IpAddress, OccurredAtUtc);
        entry.Chain(sequence, previousHash, key, Nonce);
        return entry;
    }

    /// <summary>
    /// Every field and the nonce, each with its length before it, so no two entries read the same; apart from the chain's
    /// seals by its first word, so a MAC can never stand for a seal.
    /// </summary>
    private string MacText()
    {
        var text = new StringBuilder("waiting-audit-entry");
        foreach (var field in (string?[])[
            OccurredAtUtc.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture), UserId?.ToString(), UserName, Action.ToString(),
            EntityType, EntityId, ChildId?.ToString(), Changes, IpAddress, Reason, Nonce, KeyId])
        {
            text.Append('|').Append(field is null ? "-" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }

        return text.ToString();
    }
}
