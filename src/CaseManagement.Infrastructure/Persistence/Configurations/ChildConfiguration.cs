using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
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
        builder.HasMany(c => c.Referrals).WithOne().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Referrals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.TeamId, c.FamilyName, c.GivenName });
    }
}
