namespace CaseManagement.Domain.Audit;

/// <summary>The outcome of checking the audit trail's hash chain.</summary>
public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string Message);

/// <summary>Checks that the entries, read in sequence order, form an unbroken chain.</summary>
public static class AuditChain
{
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInSequence)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequence);
        var previousHash = AuditEntry.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        foreach (var entry in entriesInSequence)
        {
            if (entry.Sequence != expected)
            {
                return new AuditVerification(false, checkedCount, expected, $"Entry {expected} is missing: the next entry found is {entry.Sequence}.");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, checkedCount, entry.Sequence, $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: an entry before it was altered or removed.");
            }

            if (!string.Equals(entry.ComputeHash(), entry.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(false, checkedCount, entry.Sequence, $"Entry {entry.Sequence} was altered after it was written.");
            }

            previousHash = entry.Hash;
            expected++;
            checkedCount++;
        }

        return new AuditVerification(true, checkedCount, null, $"All {checkedCount} entries are intact.");
    }
}
