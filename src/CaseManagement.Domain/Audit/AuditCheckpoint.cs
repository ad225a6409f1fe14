using System.Globalization;

namespace CaseManagement.Domain.Audit;

/// <summary>
/// Where the trail ended when it was last found intact, signed with the audit key and kept outside the database. A
/// chain shows any entry altered or removed before its end, never entries removed from the end; the checkpoint does:
/// the trail must still hold the entry it names, unchanged.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime CheckedAtUtc, string KeyId, string Signature)
{
    public static AuditCheckpoint Sign(AuditKey key, long sequence, string hash, DateTime checkedAtUtc)
    {
        ArgumentNullException.ThrowIfNull(key);
        var utc = DateTime.SpecifyKind(checkedAtUtc, DateTimeKind.Utc);
        return new AuditCheckpoint(sequence, hash, utc, key.Id, key.Seal(Text(sequence, hash, utc)));
    }

    public bool IsSignedBy(AuditKeyring keyring)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        return keyring.Find(KeyId) is { } key && key.Verifies(Text(Sequence, Hash, CheckedAtUtc), Signature);
    }

    /// <summary>One line: sequence, hash, time checked, key id, signature, separated by spaces.</summary>
    public override string ToString() =>
        string.Join(' ', Sequence.ToString(CultureInfo.InvariantCulture), Hash, CheckedAtUtc.ToString("O", CultureInfo.InvariantCulture), KeyId, Signature);

    /// <summary>The checkpoint a line of <see cref="ToString"/> holds, or null when the line is not one.</summary>
    public static AuditCheckpoint? Parse(string? line)
    {
        var parts = (line ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 5
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && DateTime.TryParseExact(parts[2], "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var checkedAt)
            && checkedAt.Kind == DateTimeKind.Utc
                ? new AuditCheckpoint(sequence, parts[1], checkedAt, parts[3], parts[4])
                : null;
    }

    private static string Text(long sequence, string hash, DateTime checkedAtUtc) =>
        string.Join('\u001f', "audit-checkpoint", sequence.ToString(CultureInfo.InvariantCulture), hash, checkedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture));
}
