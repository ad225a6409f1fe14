using CaseManagement.Domain.Records;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("documents");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.Events);
        builder.Property(d => d.OwnerKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Sensitivity).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Title).HasMaxLength(Document.TitleMaxLength).IsRequired();
        builder.Property(d => d.FileName).HasMaxLength(Document.FileNameMaxLength).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(d => d.StorageKey).HasMaxLength(64).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.UploadedByUserId).OnDelete(DeleteBehavior.Restrict);

        // The owner is one of several tables, so it has no foreign key: a document's record is looked up by kind.
        builder.HasIndex(d => new { d.OwnerKind, d.OwnerId, d.UploadedAtUtc });
        builder.HasIndex(d => d.ChildId);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> builder)
    {
        builder.ToTable("document_contents");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(64).ValueGeneratedNever();
        builder.Property(c => c.Content).IsRequired();
    }
}

internal sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("retention_rules");
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RetentionReviewConfiguration : IEntityTypeConfiguration<RetentionReview>
{
    public void Configure(EntityTypeBuilder<RetentionReview> builder)
    {
        builder.ToTable("retention_reviews");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Events);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.HoldReason).HasMaxLength(RetentionReview.ReasonMaxLength);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);

        // One review per record: the nightly job lists a record once, however often it runs.
        builder.HasIndex(r => r.RecordId).IsUnique();
        builder.HasIndex(r => new { r.TeamId, r.State, r.DueOn });
    }
}

internal sealed class SubjectAccessRequestConfiguration : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> builder)
    {
        builder.ToTable("subject_access_requests");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Events);
        builder.Ignore(r => r.RedactedWords);
        builder.Property(r => r.Redactions).HasMaxLength(SubjectAccessRequest.TextMaxLength);
        builder.HasOne<CaseManagement.Domain.Children.Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReceivedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.ReleasedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TeamId, r.DueOn });
    }
}

internal sealed class ProcessingRestrictionConfiguration : IEntityTypeConfiguration<ProcessingRestriction>
{
    public void Configure(EntityTypeBuilder<ProcessingRestriction> builder)
    {
        builder.ToTable("processing_restrictions");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.Events);
        builder.Property(r => r.Reason).HasMaxLength(ProcessingRestriction.ReasonMaxLength).IsRequired();
        builder.Property(r => r.LiftReason).HasMaxLength(ProcessingRestriction.ReasonMaxLength);
        builder.HasOne<CaseManagement.Domain.Children.Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RestrictedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.LiftedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ChildId, r.LiftedAtUtc });
    }
}
