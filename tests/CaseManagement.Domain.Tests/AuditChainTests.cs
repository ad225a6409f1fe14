using System.Reflection;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Domain.Tests;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditEntry.Create(new AuditRecord(AuditAction.View, "Referral", $"id-{i}", Guid.NewGuid()), Guid.NewGuid(), "Siân Evans", "10.0.0.1", new DateTime(2026, 11, 22, 9, 0, i, DateTimeKind.Utc));
            entry.Chain(i, previous);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    [Fact]
    public void Verify_UntouchedChain_IsIntact()
    {
        var result = AuditChain.Verify(Chain(5));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public void Verify_AlteredEntry_NamesIt()
    {
        var entries = Chain(5);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.UserName))!.SetValue(entries[2], "Someone else", BindingFlags.NonPublic, null, null, null);

        var result = AuditChain.Verify(entries);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("altered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheGap()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);

        var result = AuditChain.Verify(entries);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_LastEntryDeleted_IsNotDetectableByTheChainAlone()
    {
        // A truncated tail leaves a valid chain; the verification therefore also reports how many entries it checked,
        // which an auditor compares with the count recorded at the previous check.
        var entries = Chain(5);
        entries.RemoveAt(4);

        Assert.Equal(4, AuditChain.Verify(entries).EntriesChecked);
    }
}
