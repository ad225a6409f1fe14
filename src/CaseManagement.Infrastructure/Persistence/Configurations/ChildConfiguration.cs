using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> builder)
    {
        builder.ToTable("children");
        builder.Ignore(c => c.Events);
        builder.Property(c => c.GivenName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.FamilyName).HasMaxLength(100).IsRequired();
        builder.Property(c => c.PreferredName).HasMaxLength(100);
        builder.Property(c => c.Sex).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Postcode).HasMaxLength(10);
        builder.Property(c => c.PreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(c => c.Referrals, r => r.ChildId, DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TeamId, c.FamilyName, c.GivenName });
        builder.Property(c => c.NhsNumber).HasMaxLength(10);
        builder.Property(c => c.UniquePupilNumber).HasMaxLength(13);
        builder.Property(c => c.PncId).HasMaxLength(20);
        builder.Property(c => c.HouseNumberOrName).HasMaxLength(100);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.Town).HasMaxLength(100);
        builder.Property(c => c.School).HasMaxLength(200);
        builder.Property(c => c.ParentOrCarerNames).HasMaxLength(500);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.EmailOwner).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PhoneOwner).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OtherIdentifier).HasMaxLength(50);
        builder.Property(c => c.OtherIdentifierIssuer).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.MergedIntoChildId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChildMergeConfiguration : IEntityTypeConfiguration<ChildMerge>
{
    public void Configure(EntityTypeBuilder<ChildMerge> builder)
    {
        builder.ToTable("child_merges");
        builder.Property(m => m.Reason).HasMaxLength(2000).IsRequired();
        builder.Property(m => m.MovedReferralIds).IsRequired();
        builder.Ignore(m => m.MovedReferrals);
        builder.Property(m => m.MovedCaseIds).IsRequired();
        builder.Ignore(m => m.MovedCases);
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.SurvivorChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.MergedChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.MergedChildId);
    }
}

internal sealed class ChildMatchKeyConfiguration : IEntityTypeConfiguration<ChildMatchKey>
{
    public void Configure(EntityTypeBuilder<ChildMatchKey> builder)
    {
        builder.ToTable("child_match_keys");
        builder.HasKey(k => new { k.SourceId, k.Key });
        builder.HasIndex(k => new { k.Key, k.ChildId });
        builder.HasIndex(k => k.ChildId);
        builder.HasOne<Child>().WithMany().HasForeignKey(k => k.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}
