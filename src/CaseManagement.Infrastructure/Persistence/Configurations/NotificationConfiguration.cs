using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Ignore(n => n.IsRead);
        builder.Property(n => n.Key).HasMaxLength(Notification.KeyMaxLength).IsRequired();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);

        // The exactly-once guarantee: a reminder's key is in the table at most once, whoever tries to add it.
        builder.HasIndex(n => n.Key).IsUnique();
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc, n.CreatedAtUtc });
        builder.HasIndex(n => n.CaseId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("outgoing_emails");
        builder.Property(e => e.To).HasMaxLength(OutgoingEmail.AddressMaxLength).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(OutgoingEmail.SubjectMaxLength).IsRequired();
        builder.Property(e => e.Body).HasMaxLength(OutgoingEmail.BodyMaxLength).IsRequired();
        builder.HasOutboxMessage(OutgoingEmail.ErrorMaxLength);
        builder.HasIndex(e => new { e.SentAtUtc, e.NextAttemptAtUtc });
        builder.HasIndex(e => e.NotificationId).IsUnique();
        builder.HasOne<Notification>().WithMany().HasForeignKey(e => e.NotificationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("job_runs");
        builder.Property(r => r.JobName).HasMaxLength(JobRun.NameMaxLength).IsRequired();
        builder.Property(r => r.TriggeredBy).HasMaxLength(JobRun.NameMaxLength).IsRequired();
        builder.Property(r => r.InstanceId).HasMaxLength(JobRun.NameMaxLength).IsRequired();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Summary).HasMaxLength(JobRun.SummaryMaxLength);
        builder.Property(r => r.Error).HasMaxLength(JobRun.ErrorMaxLength);
        builder.HasIndex(r => new { r.JobName, r.StartedAtUtc });
    }
}
