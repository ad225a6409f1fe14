using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class OnwardReferralConfiguration : IEntityTypeConfiguration<OnwardReferral>
{
    public void Configure(EntityTypeBuilder<OnwardReferral> builder)
    {
        builder.ToTable("onward_referrals");
        builder.Ignore(r => r.Events);
        builder.Ignore(r => r.Status);
        builder.Ignore(r => r.IsOutstanding);
        builder.Property(r => r.Service).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ServiceName).HasMaxLength(OnwardReferral.ServiceNameMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(OnwardReferral.TextMaxLength);
        builder.Property(r => r.DeclineReason).HasMaxLength(OnwardReferral.TextMaxLength);
        builder.Property(r => r.CloseReason).HasMaxLength(OnwardReferral.TextMaxLength);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.ReferredOn });

        // The outstanding ones, for a case manager's list and the team's waits, without reading the closed ones.
        builder.HasIndex(r => new { r.TeamId, r.ClosedOn, r.FirstAppointmentOn });
        builder.HasIndex(r => new { r.CaseId, r.SubmissionKey }).IsUnique();
    }
}
