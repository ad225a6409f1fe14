using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class InterventionKindConfiguration : IEntityTypeConfiguration<InterventionKind>
{
    public void Configure(EntityTypeBuilder<InterventionKind> builder)
    {
        builder.ToTable("intervention_kinds");
        builder.Ignore(k => k.Events);
        builder.Ignore(k => k.IsRetired);
        builder.Property(k => k.NameEnglish).HasMaxLength(InterventionKind.NameMaxLength).IsRequired();
        builder.Property(k => k.NameWelsh).HasMaxLength(InterventionKind.NameMaxLength).IsRequired();
        builder.HasOne<Team>().WithMany().HasForeignKey(k => k.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.TeamId, k.SortOrder });
    }
}

internal sealed class InterventionConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.ToTable("interventions");
        builder.Ignore(i => i.Events);
        builder.Property(i => i.ProviderName).HasMaxLength(Intervention.ProviderNameMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.StopReason).HasMaxLength(Intervention.ReasonMaxLength);
        builder.Ignore(i => i.NeedList);
        builder.Property(i => i.Needs).HasMaxLength(NeedCodes.MaxLength);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InterventionKind>().WithMany().HasForeignKey(i => i.KindId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(i => i.ProviderAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(i => i.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(i => i.Goals, g => g.InterventionId, DeleteBehavior.Cascade);
        builder.HasManyByField(i => i.Sessions, s => s.InterventionId, DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.CaseId, i.CreatedAtUtc });

        // The team's figures read interventions by kind and status without the cases.
        builder.HasIndex(i => new { i.TeamId, i.Status });
        builder.HasIndex(i => new { i.CaseId, i.SubmissionKey }).IsUnique();
    }
}

internal sealed class InterventionGoalConfiguration : IEntityTypeConfiguration<InterventionGoal>
{
    public void Configure(EntityTypeBuilder<InterventionGoal> builder)
    {
        builder.ToTable("intervention_goals");
        builder.HasKey(g => new { g.InterventionId, g.GoalId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterventionSessionConfiguration : IEntityTypeConfiguration<InterventionSession>
{
    public void Configure(EntityTypeBuilder<InterventionSession> builder)
    {
        builder.ToTable("intervention_sessions");
        builder.HasKey(s => new { s.InterventionId, s.ContactId });
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
