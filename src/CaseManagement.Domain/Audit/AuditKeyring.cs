using System.Security.Cryptography;
using System.Text;

namespace CaseManagement.Domain.Audit;

/// <summary>
/// A secret that seals audit entries (HMAC-SHA-256). It is kept outside the database, so whoever can write to the
/// database but does not hold the key cannot recompute the chain after altering it.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumLength = 32;

    private readonly byte[] _secret;

    public AuditKey(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Length < MinimumLength)
        {
            throw new ArgumentException($"An audit key must be at least {MinimumLength} bytes.", nameof(secret));
        }

        _secret = [.. secret];

        // Names the key in each entry without revealing it, so that old entries stay verifiable after a new key is added.
        Id = Convert.ToHexStringLower(SHA256.HashData(_secret))[..16];
    }

    public string Id { get; }

    public string Seal(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    public bool Verifies(string text, string seal) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Seal(text)), Encoding.ASCII.GetBytes(seal));

    public static AuditKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumLength));
}

/// <summary>
/// The key that seals new entries, every older key that sealed entries still in the trail, and how many entries the
/// trail held, unkeyed, when the first key was made.
/// </summary>
public sealed class AuditKeyring
{
    private readonly Dictionary<string, AuditKey> _byId;

    /// <param name="keys">Oldest first: the last one seals new entries.</param>
    /// <param name="plainEntriesUntil">
    /// The last entry written before the trail was keyed. Kept with the keys, outside the database, because an entry
    /// the database says is unkeyed could as well be one rewritten without the key.
    /// </param>
    public AuditKeyring(IEnumerable<AuditKey> keys, long plainEntriesUntil = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plainEntriesUntil);
        PlainEntriesUntil = plainEntriesUntil;
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An audit keyring needs at least one key.", nameof(keys));
        }

        Current = list[^1];
        _byId = [];
        foreach (var key in list)
        {
            _byId[key.Id] = key;
        }
    }

    public AuditKey Current { get; }

    /// <summary>Entries up to this one may carry the unkeyed hash of decision 0011; every later one must be sealed.</summary>
    public long PlainEntriesUntil { get; }

    public AuditKey? Find(string? id) => id is not null && _byId.TryGetValue(id, out var key) ? key : null;

    /// <summary>A keyring of one fresh key, for tools that write throwaway data (benchmarks, tests).</summary>
    public static AuditKeyring Generate() => new([AuditKey.Generate()]);
}
