using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Timeline;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<ChildCase>
{
    public void Configure(EntityTypeBuilder<ChildCase> builder)
    {
        builder.ToTable("cases");
        builder.Ignore(c => c.Events);
        builder.Ignore(c => c.IsOpen);
        builder.Ignore(c => c.ExitServiceList);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.InterventionType).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Engagement).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ClosureReason).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.ExitServices).HasMaxLength(400);
        builder.Property(c => c.ExitPlan).HasMaxLength(ChildCase.TextMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // Kept on the case for the waiting list and caseloads (decision 0022). The priority is stored as its number so
        // that the waiting list reads high first straight from an index.
        builder.Property(c => c.Priority).HasConversion<int>();
        builder.Property(c => c.FirstReferralSource).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Reoffending).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.SeriousHarm).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Wellbeing).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.CaseManagerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(c => c.Allocations, a => a.CaseId, DeleteBehavior.Restrict);
        builder.HasManyByField(c => c.Members, m => m.CaseId, DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ChildId, c.Status });
        builder.HasIndex(c => new { c.TeamId, c.Status, c.Priority, c.FirstReferredAtUtc });
        builder.HasIndex(c => new { c.TeamId, c.Status, c.CaseManagerUserId, c.NextReviewDue, c.Weight });
        builder.HasIndex(c => new { c.TeamId, c.Status, c.NextReviewDue });
        builder.HasIndex(c => new { c.CaseManagerUserId, c.Status });
        builder.HasIndex(c => new { c.Status, c.NextReviewDue });
        builder.HasIndex(c => new { c.TeamId, c.ClosedAtUtc });

        // The cases longer without a contact than the team's setting, counted per case manager from the index alone,
        // and the list in the order of the last contact (decision 0039).
        builder.HasIndex(c => new { c.TeamId, c.Status, c.LastContactOn, c.AllocatedAtUtc, c.CaseManagerUserId }).HasDatabaseName("IX_cases_TeamId_Status_LastContactOn");
    }
}

internal sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        builder.ToTable("case_allocations");

        // Added through the case's (or review's) collection with its id already set: new, not an existing row to update.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CaseManagerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AllocatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.CaseId, a.AllocatedAtUtc });
    }
}

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> builder)
    {
        builder.ToTable("case_members");

        // Added through the case's (or review's) collection with its id already set: new, not an existing row to update.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Ignore(m => m.IsCurrent);
        builder.Property(m => m.Contribution).HasMaxLength(CaseMember.ContributionMaxLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.AddedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CaseId, m.RemovedAtUtc });
        builder.HasIndex(m => new { m.UserId, m.RemovedAtUtc });
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goals");
        builder.Ignore(g => g.Events);
        builder.Property(g => g.Description).HasMaxLength(Goal.DescriptionMaxLength).IsRequired();
        builder.Property(g => g.Owner).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.OwnerAgency).HasMaxLength(Goal.AgencyMaxLength);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.Needs).HasMaxLength(NeedCodes.MaxLength);
        builder.Ignore(g => g.NeedList);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(g => g.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.CaseId, g.CreatedAtUtc });
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.ToTable("reviews");
        builder.Ignore(r => r.Events);
        builder.Property(r => r.WhatIsWorking).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.ChildView).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.FamilyView).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.Recommendations).HasMaxLength(Review.TextMaxLength);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(r => r.Scores, s => s.ReviewId, DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.HeldOn });
    }
}

internal sealed class ReviewGoalScoreConfiguration : IEntityTypeConfiguration<ReviewGoalScore>
{
    public void Configure(EntityTypeBuilder<ReviewGoalScore> builder)
    {
        builder.ToTable("review_goal_scores");

        // Added through the case's (or review's) collection with its id already set: new, not an existing row to update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Goal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ReviewId, s.GoalId }).IsUnique();
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("timeline_entries");
        builder.Ignore(e => e.Events);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Visibility).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Title).HasMaxLength(TimelineEntry.TitleMaxLength);
        builder.Property(e => e.Notes).HasMaxLength(TimelineEntry.NotesMaxLength);
        builder.Property(e => e.Detail).HasMaxLength(100);
        builder.Property(e => e.WithdrawnReason).HasMaxLength(1000);
        builder.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.ChildId, e.OccurredOn });
    }
}
