using System.Reflection;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Domain.Tests;

public sealed class AuditChainTests
{
    private static readonly AuditKeyring Keys = AuditKeyring.Generate();
    private static readonly DateTime CheckedAt = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int count, AuditKey? key = null) => Extend([], count, key ?? Keys.Current);

    private static List<AuditEntry> Extend(List<AuditEntry> entries, int count, AuditKey key)
    {
        var previous = entries.Count == 0 ? AuditEntry.GenesisHash : entries[^1].Hash;
        var first = entries.Count + 1;
        for (var i = first; i < first + count; i++)
        {
            var entry = AuditEntry.Create(new AuditRecord(AuditAction.View, "Referral", $"id-{i}", Guid.NewGuid()), Guid.NewGuid(), "Siân Evans", "10.0.0.1", new DateTime(2026, 11, 22, 9, 0, i, DateTimeKind.Utc));
            entry.Chain(i, previous, key);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    private static void Set(AuditEntry entry, string property, object? value) =>
        // Through the type that declares it: a private setter of a field every audit entry has is not seen from AuditEntry.
        typeof(AuditEntry).GetProperty(property)!.DeclaringType!.GetProperty(property)!.SetValue(entry, value, BindingFlags.NonPublic, null, null, null);

    /// <summary>What someone with write access to the database but not the key can do: rewrite entries from <paramref name="from"/> on with the published, unkeyed formula.</summary>
    private static void RebuildWithoutTheKey(List<AuditEntry> entries, int from, bool keepKeyIds = false)
    {
        var previous = from == 1 ? AuditEntry.GenesisHash : entries[from - 2].Hash;
        foreach (var entry in entries.Skip(from - 1))
        {
            Set(entry, nameof(AuditEntry.PreviousHash), previous);
            if (!keepKeyIds)
            {
                Set(entry, nameof(AuditEntry.KeyId), null);
            }

            Set(entry, nameof(AuditEntry.Hash), entry.ComputeUnkeyedHash());
            previous = entry.Hash;
        }
    }

    [Fact]
    public void Verify_UntouchedChain_IsIntactAndEndsAtTheLastEntry()
    {
        var entries = Chain(5);

        var result = AuditChain.Verify(entries, Keys);

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Equal(5, result.LastSequence);
        Assert.Equal(entries[^1].Hash, result.LastHash);
    }

    [Fact]
    public void Verify_AlteredEntry_NamesIt()
    {
        var entries = Chain(5);
        Set(entries[2], nameof(AuditEntry.UserName), "Someone else");

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("altered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DeletedEntry_NamesTheGap()
    {
        var entries = Chain(5);
        entries.RemoveAt(1);

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_AlteredEntryAndChainRebuiltWithThePlainFormula_IsBroken()
    {
        var entries = Chain(5);
        Set(entries[2], nameof(AuditEntry.UserName), "Someone else");
        RebuildWithoutTheKey(entries, 3, keepKeyIds: true);

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_TailRewrittenAsEntriesFromBeforeTheKey_IsBroken()
    {
        var entries = Chain(5);
        Set(entries[2], nameof(AuditEntry.UserName), "Someone else");
        RebuildWithoutTheKey(entries, 3);

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Equal("Entry 3 is not sealed with the audit key: it was written or rewritten without the key.", result.Message);
    }

    [Fact]
    public void Verify_WholeTrailRewrittenAsEntriesFromBeforeTheKey_IsBrokenEvenWithKeyedEntriesAfter()
    {
        // The app goes on sealing new entries after the rewrite: they follow the rewritten ones, and must not vouch for them.
        var entries = Chain(5);
        Set(entries[1], nameof(AuditEntry.UserName), "Someone else");
        RebuildWithoutTheKey(entries, 1);
        Extend(entries, 2, Keys.Current);

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(1, result.FirstBrokenSequence);
        Assert.Equal("Entry 1 is not sealed with the audit key: it was written or rewritten without the key.", result.Message);
    }

    [Fact]
    public void Verify_EntriesFromBeforeTheKey_AreIntactWhileTheKeyedEntriesAfterThemFollowThem()
    {
        var entries = Chain(3);
        RebuildWithoutTheKey(entries, 1);
        Extend(entries, 2, Keys.Current);
        var keyring = new AuditKeyring([Keys.Current], plainEntriesUntil: 3);

        Assert.True(AuditChain.Verify(entries, keyring).IsIntact);

        Set(entries[1], nameof(AuditEntry.UserName), "Someone else");
        RebuildWithoutTheKey(entries.Take(3).ToList(), 2);
        var result = AuditChain.Verify(entries, keyring);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_EntriesFromBeforeTheKeyRemovedFromTheEnd_AreReported()
    {
        var entries = Chain(3);
        RebuildWithoutTheKey(entries, 1);
        entries.RemoveAt(2);

        var result = AuditChain.Verify(entries, new AuditKeyring([Keys.Current], plainEntriesUntil: 3));

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("held 3 entries when the audit key was made", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntrySealedWithAKeyNotHeld_IsBroken()
    {
        var entries = Chain(3);
        Extend(entries, 1, AuditKey.Generate());

        var result = AuditChain.Verify(entries, Keys);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("does not hold", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EntriesOfARetiredKey_StayVerifiable()
    {
        var retired = AuditKey.Generate();
        var current = AuditKey.Generate();
        var entries = Extend(Chain(3, retired), 2, current);

        Assert.True(AuditChain.Verify(entries, new AuditKeyring([retired, current])).IsIntact);
    }

    [Fact]
    public void Verify_LastEntryDeleted_IsNotDetectableByTheChainAlone()
    {
        // The chain cannot show a truncated tail; the checkpoint of an earlier check, kept outside the database, does.
        var entries = Chain(5);
        entries.RemoveAt(4);

        Assert.True(AuditChain.Verify(entries, Keys).IsIntact);
    }

    [Fact]
    public void Verify_EntriesRemovedAfterACheckpoint_AreReported()
    {
        var entries = Chain(5);
        var checkpoint = AuditCheckpoint.Sign(Keys.Current, 5, entries[^1].Hash, CheckedAt);
        entries.RemoveRange(3, 2);

        var result = AuditChain.Verify(entries, Keys, checkpoint);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal("The trail ends at entry 3, but the check of 2026-11-23 09:00 UTC saw 5 entries: the entries after 3 were removed.", result.Message);
    }

    [Fact]
    public void Verify_CheckpointStillHeld_IsIntactAndSaysSo()
    {
        var entries = Chain(5);
        var checkpoint = AuditCheckpoint.Sign(Keys.Current, 3, entries[2].Hash, CheckedAt);

        var result = AuditChain.Verify(entries, Keys, checkpoint);

        Assert.True(result.IsIntact);
        Assert.Contains("still holds the 3 entries of the check of 2026-11-23 09:00 UTC", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_CheckpointNotSignedWithTheKey_IsBroken()
    {
        var entries = Chain(5);
        var forged = AuditCheckpoint.Sign(AuditKey.Generate(), 2, entries[1].Hash, CheckedAt) with { KeyId = Keys.Current.Id };

        var result = AuditChain.Verify(entries, Keys, forged);

        Assert.False(result.IsIntact);
        Assert.Contains("checkpoint", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_WrittenAndReadBack_IsTheSameAndSigned()
    {
        var checkpoint = AuditCheckpoint.Sign(Keys.Current, 1260, new string('a', 64), new DateTime(2026, 11, 23, 9, 0, 0, 123, DateTimeKind.Utc).AddTicks(4567));

        var read = AuditCheckpoint.Parse(checkpoint.ToString());

        Assert.Equal(checkpoint, read);
        Assert.True(read!.IsSignedBy(Keys));
        Assert.Null(AuditCheckpoint.Parse("not a checkpoint"));
    }

    [Fact]
    public void AWaitingEntry_IsTheAppsOnlyWithItsMacUnchanged_UnderAnyKeyOfTheRing()
    {
        var older = AuditKey.Generate();
        var ring = new AuditKeyring([older, AuditKey.Generate()]);
        UnsealedAuditEntry Waiting(AuditKey key) => UnsealedAuditEntry.Create(new AuditRecord(AuditAction.Update, "Child", "id-1", Guid.NewGuid(), "{\"GivenName\":[\"Siân\",\"Sian\"]}"), Guid.NewGuid(), "Siân Evans", "10.0.0.1", CheckedAt, key);

        var written = Waiting(ring.Current);
        var beforeRotation = Waiting(older);
        var otherKeys = Waiting(AuditKey.Generate());
        var altered = Waiting(ring.Current);
        typeof(AuditEntryContent).GetProperty(nameof(AuditEntryContent.UserName))!.SetValue(altered, "Someone else", BindingFlags.NonPublic, null, null, null);
        var nonceSwapped = Waiting(ring.Current);
        typeof(WaitingAuditEntryContent).GetProperty(nameof(WaitingAuditEntryContent.Nonce))!.SetValue(nonceSwapped, written.Nonce, BindingFlags.NonPublic, null, null, null);

        Assert.True(written.IsWrittenWith(ring));
        Assert.True(beforeRotation.IsWrittenWith(ring));
        Assert.False(otherKeys.IsWrittenWith(ring));
        Assert.False(altered.IsWrittenWith(ring));
        Assert.False(nonceSwapped.IsWrittenWith(ring));
        Assert.NotEqual(written.Nonce, beforeRotation.Nonce);
    }

    [Fact]
    public void AnEntrySealedFromTheWaitingTable_SealsItsNonce()
    {
        var waiting = UnsealedAuditEntry.Create(new AuditRecord(AuditAction.View, "Referral", "id-1"), null, "system", null, CheckedAt, Keys.Current);
        var entry = waiting.Seal(1, AuditEntry.GenesisHash, Keys.Current);
        Assert.Equal(waiting.Nonce, entry.Nonce);
        Assert.True(AuditChain.Verify([entry], Keys).IsIntact);

        Set(entry, nameof(AuditEntry.Nonce), null);

        Assert.False(AuditChain.Verify([entry], Keys).IsIntact);
    }
}
