using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.HasAuditEntryContent();
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(e => e.KeyId).HasMaxLength(16);
        builder.Property(e => e.ChangesDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Nonce).HasMaxLength(32).IsFixedLength();
        builder.HasIndex(e => e.Nonce).IsUnique();
        builder.HasIndex(e => new { e.ChildId, e.Sequence });
        builder.HasIndex(e => new { e.UserId, e.Sequence });
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.OccurredAtUtc);
    }
}

internal sealed class UnsealedAuditEntryConfiguration : IEntityTypeConfiguration<UnsealedAuditEntry>
{
    public void Configure(EntityTypeBuilder<UnsealedAuditEntry> builder)
    {
        // The table has triggers (refusing updates), and SQL Server refuses an OUTPUT clause on a table with triggers
        // (error 334): declared, EF reads the new id back another way. The set-aside table's below likewise.
        builder.ToTable("audit_entries_unsealed", table =>
        {
            table.HasTrigger("audit_entries_unsealed_add_or_remove_only");
            table.HasTrigger("audit_entries_unsealed_no_update");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasWaitingAuditEntryContent();
        builder.HasIndex(e => e.Nonce).IsUnique();
    }
}

internal sealed class SetAsideAuditEntryConfiguration : IEntityTypeConfiguration<SetAsideAuditEntry>
{
    public void Configure(EntityTypeBuilder<SetAsideAuditEntry> builder)
    {
        builder.ToTable("audit_entries_set_aside", table =>
        {
            table.HasTrigger("audit_entries_set_aside_kept");
            table.HasTrigger("audit_entries_set_aside_no_update_or_delete");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ChangesDigest).HasMaxLength(64).IsFixedLength();
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Why).HasConversion<string>().HasMaxLength(30);
        builder.HasWaitingAuditEntryContent();
    }
}

/// <summary>
/// The columns every audit table keeps alike (decision 0105): the entry's content in the three tables, and the nonce, key
/// id and MAC in the waiting table and the set-aside table, so a field's column is declared once for all of them.
/// </summary>
internal static class AuditEntryContentConfiguration
{
    public static void HasAuditEntryContent<T>(this EntityTypeBuilder<T> builder)
        where T : AuditEntryContent
    {
        builder.Property(e => e.UserName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.EntityType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(200).IsRequired();
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Reason).HasMaxLength(1000);
    }

    public static void HasWaitingAuditEntryContent<T>(this EntityTypeBuilder<T> builder)
        where T : WaitingAuditEntryContent
    {
        builder.HasAuditEntryContent();
        builder.Property(e => e.Nonce).HasMaxLength(32).IsFixedLength().IsRequired();
        builder.Property(e => e.KeyId).HasMaxLength(16).IsRequired();
        builder.Property(e => e.Mac).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}

internal sealed class BreakGlassAccessConfiguration : IEntityTypeConfiguration<BreakGlassAccess>
{
    public void Configure(EntityTypeBuilder<BreakGlassAccess> builder)
    {
        builder.ToTable("break_glass_accesses");
        builder.Ignore(g => g.Events);
        builder.Property(g => g.Reason).HasMaxLength(1000).IsRequired();
        builder.HasOne<Referral>().WithMany().HasForeignKey(g => g.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(g => g.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.UserId, g.ReferralId, g.ExpiresAtUtc });
        builder.HasIndex(g => new { g.TeamId, g.GrantedAtUtc });
    }
}
