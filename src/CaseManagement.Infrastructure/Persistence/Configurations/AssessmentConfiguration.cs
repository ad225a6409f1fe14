using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("assessments");
        builder.Ignore(a => a.Events);
        builder.Ignore(a => a.IsEditable);
        builder.Ignore(a => a.AceCount);
        builder.Ignore(a => a.FourOrMoreAces);
        builder.Ignore(a => a.HoldsThePlan);
        builder.Ignore(a => a.RecommendationList);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reoffending).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SeriousHarm).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Wellbeing).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Aln).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.SpeechLanguage).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Neurodiversity).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.SchoolAttachment).HasConversion<string>().HasMaxLength(20);
        foreach (var text in new[]
        {
            nameof(Assessment.ReoffendingRationale), nameof(Assessment.ReoffendingEvidence), nameof(Assessment.SeriousHarmRationale), nameof(Assessment.SeriousHarmEvidence),
            nameof(Assessment.WellbeingRationale), nameof(Assessment.WellbeingEvidence), nameof(Assessment.NeurodiversityNotes), nameof(Assessment.LearningNotes),
            nameof(Assessment.Relationships), nameof(Assessment.Interests), nameof(Assessment.Aspirations), nameof(Assessment.ChildView), nameof(Assessment.ParentView),
            nameof(Assessment.Analysis), nameof(Assessment.Recommendations), nameof(Assessment.ReturnComments),
        })
        {
            builder.Property<string?>(text).HasMaxLength(Assessment.TextMaxLength);
        }

        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.PreviousAssessmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CountersignedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(a => a.Areas, a => a.AssessmentId, DeleteBehavior.Restrict);
        builder.HasManyByField(a => a.Adversities, a => a.AssessmentId, DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.TeamId, a.Status });
    }
}

internal sealed class AssessmentAreaConfiguration : IEntityTypeConfiguration<AssessmentArea>
{
    public void Configure(EntityTypeBuilder<AssessmentArea> builder)
    {
        builder.ToTable("assessment_areas");

        // Added through the assessment's collection with its id already set: new, not an existing row to update.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Area).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Strengths).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.Needs).HasMaxLength(Assessment.TextMaxLength);
        builder.Property(a => a.Marker).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.AssessmentId, a.Area }).IsUnique();
    }
}

internal sealed class AdversityRecordConfiguration : IEntityTypeConfiguration<AdversityRecord>
{
    public void Configure(EntityTypeBuilder<AdversityRecord> builder)
    {
        builder.ToTable("assessment_adversities");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Adversity).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Answer).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.NotAskedReason).HasMaxLength(1000);
        builder.Property(a => a.Source).HasMaxLength(200);
        builder.Property(a => a.Notes).HasMaxLength(Assessment.TextMaxLength);
        builder.HasIndex(a => new { a.AssessmentId, a.Adversity }).IsUnique();
    }
}
