using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.Ignore(r => r.Events);
        builder.Property(r => r.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ReferrerName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.PoliceOccurrenceReference).HasMaxLength(50);
        builder.Property(r => r.Concerns).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ChildGivenName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ChildFamilyName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ChildPreferredName).HasMaxLength(100);
        builder.Property(r => r.ChildSex).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChildPostcode).HasMaxLength(10);
        builder.Property(r => r.ChildPreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.ReferrerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        builder.HasIndex(r => r.ReceivedAtUtc);
        builder.Property(r => r.SensitiveNotes).HasMaxLength(8000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
