using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Domain.Audit;

public enum AuditAction
{
    View,
    Create,
    Update,
    Delete,
    BreakGlass,
    Export,

    // A partner system's token (docs/decisions/0044): issued or refused by the token endpoint.
    TokenIssued,
    TokenRefused,

    // A person's sign-in through the council's identity provider (docs/decisions/0045), or its refusal.
    SignedIn,
    SignInRefused,
}

/// <summary>
/// One line of the append-only audit trail: who did what to which record, when, from where, and why. Each entry
/// carries the hash of the one before it, so deleting or altering any row breaks the chain from that row on; the hash
/// is keyed (HMAC-SHA-256 with a key kept outside the database), so the chain cannot be rebuilt without the key.
/// </summary>
public sealed class AuditEntry : AuditEntryContent
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry()
    {
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    private AuditEntry(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc)
        : base(record, userId, userName, ipAddress, occurredAtUtc)
    {
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    /// <summary>The position in the chain, from 1, with no gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>
    /// The SHA-256 of <see cref="AuditEntryContent.Changes"/> (hex), sealed into the chain in place of the changes themselves,
    /// so that the changes (personal values) can be destroyed and the chain still verifies (decision 0051). Null for entries
    /// written before schema 0022, whose seal covers the changes directly, and for entries with no changes.
    /// </summary>
    public string? ChangesDigest { get; private set; }

    /// <summary>Whether the changes were destroyed with the record they were about; the digest still stands in the chain.</summary>
    public bool IsRedacted => Changes is null && ChangesDigest is not null;

    /// <summary>Whether the changes held are the ones sealed: an entry whose changes were altered (rather than destroyed) is not.</summary>
    public bool ChangesMatchDigest => ChangesDigest is null || Changes is null || string.Equals(DigestOf(Changes), ChangesDigest, StringComparison.Ordinal);

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>
    /// The key that sealed the entry (<see cref="AuditKey.Id"/>); null for entries written before the chain was keyed,
    /// whose hash is the plain SHA-256 of decision 0011.
    /// </summary>
    public string? KeyId { get; private set; }

    /// <summary>
    /// The nonce of the waiting entry this one was sealed from (decision 0085), unique in the trail and sealed with the
    /// entry, so a copy of a waiting entry is never sealed twice; null for entries sealed in their save (SQLite, and every
    /// entry before 0085).
    /// </summary>
    public string? Nonce { get; private set; }

    public static AuditEntry Create(AuditRecord record, Guid? userId, string userName, string? ipAddress, DateTime occurredAtUtc) =>
        new(record, userId, userName, ipAddress, occurredAtUtc);

    /// <summary>Places the entry after <paramref name="previousHash"/> at <paramref name="sequence"/> and seals it with the key.</summary>
    public void Chain(long sequence, string previousHash, AuditKey key, string? nonce = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        Sequence = sequence;
        PreviousHash = previousHash;
        ChangesDigest = Changes is null ? null : DigestOf(Changes);
        KeyId = key.Id;
        Nonce = nonce;
        Hash = key.Seal(Sealed());
    }

    /// <summary>Whether the hash is the seal of this entry's fields by <paramref name="key"/>.</summary>
    public bool IsSealedBy(AuditKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Equals(KeyId, key.Id, StringComparison.Ordinal) && key.Verifies(Sealed(), Hash);
    }

    /// <summary>What the key seals: the fields, the key's id and, for an entry sealed from the waiting table, its nonce.</summary>
    private string Sealed() => Canonical() + '\u001f' + KeyId + (Nonce is null ? string.Empty : '\u001f' + Nonce);

    /// <summary>The unkeyed hash entries had before the chain was keyed: the SHA-256 of the fields and the previous hash.</summary>
    public string ComputeUnkeyedHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    /// <summary>The SHA-256 of the changes' text, in lower-case hex: what the chain seals in their place, and what a set-aside row keeps of them (decision 0099).</summary>
    public static string DigestOf(string changes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(changes ?? throw new ArgumentNullException(nameof(changes)))));

    /// <summary>Every field and the previous hash, in a fixed text form; the changes by their digest where the entry has one.</summary>
    private string Canonical() =>
        string.Join(
            '\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAtUtc.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
            UserId?.ToString() ?? string.Empty,
            UserName,
            Action.ToString(),
            EntityType,
            EntityId,
            ChildId?.ToString() ?? string.Empty,
            ChangesDigest is null ? Changes ?? string.Empty : "sha256:" + ChangesDigest,
            IpAddress ?? string.Empty,
            Reason ?? string.Empty,
            PreviousHash);
}

/// <summary>What a use case asks the trail to record; who, when and from where are added by the trail.</summary>
public sealed record AuditRecord(AuditAction Action, string EntityType, string EntityId, Guid? ChildId = null, string? Changes = null, string? Reason = null);
