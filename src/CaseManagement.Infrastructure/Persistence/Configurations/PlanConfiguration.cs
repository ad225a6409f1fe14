using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>The longest list of need codes a goal or action can hold: every need the assessment can record.</summary>
internal static class NeedCodes
{
    public const int MaxLength = 2000;
}

internal sealed class CasePlanConfiguration : IEntityTypeConfiguration<CasePlan>
{
    public void Configure(EntityTypeBuilder<CasePlan> builder)
    {
        builder.ToTable("case_plans");
        builder.Ignore(p => p.Events);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(p => p.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.CaseId).IsUnique();

        // Rows are added through the plan's collections with their ids already set: new rows, not existing ones to update.
        builder.HasManyByField(p => p.Items, i => i.PlanId, DeleteBehavior.Cascade);
        builder.HasManyByField(p => p.Actions, a => a.PlanId, DeleteBehavior.Restrict);
        builder.HasManyByField(p => p.Exit, e => e.PlanId, DeleteBehavior.Cascade);
        builder.HasManyByField(p => p.Versions, v => v.PlanId, DeleteBehavior.Restrict);
    }
}

internal sealed class MyPlanItemConfiguration : IEntityTypeConfiguration<MyPlanItem>
{
    public void Configure(EntityTypeBuilder<MyPlanItem> builder)
    {
        builder.ToTable("plan_my_items");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Section).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Text).HasMaxLength(CasePlan.ShortTextMaxLength).IsRequired();
    }
}

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("plan_actions");
        builder.Ignore(a => a.NeedList);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.What).HasMaxLength(CasePlan.TextMaxLength).IsRequired();
        builder.Property(a => a.OwnerAgency).HasMaxLength(CasePlan.NameMaxLength).IsRequired();
        builder.Property(a => a.OwnerPerson).HasMaxLength(CasePlan.NameMaxLength);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DroppedReason).HasMaxLength(CasePlan.TextMaxLength);
        builder.Property(a => a.Needs).HasMaxLength(NeedCodes.MaxLength);
        builder.HasOne<MultiAgencyMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ExitSupportConfiguration : IEntityTypeConfiguration<ExitSupport>
{
    public void Configure(EntityTypeBuilder<ExitSupport> builder)
    {
        builder.ToTable("plan_exit_supports");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Service).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Name).HasMaxLength(CasePlan.NameMaxLength);
        builder.Property(e => e.WhatTheyDo).HasMaxLength(CasePlan.TextMaxLength).IsRequired();
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> builder)
    {
        builder.ToTable("plan_versions");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).IsRequired();
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.PublishedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
    }
}

internal sealed class MultiAgencyMeetingConfiguration : IEntityTypeConfiguration<MultiAgencyMeeting>
{
    public void Configure(EntityTypeBuilder<MultiAgencyMeeting> builder)
    {
        builder.ToTable("meetings");
        builder.Ignore(m => m.Events);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.ChildView).HasMaxLength(MultiAgencyMeeting.ViewMaxLength);
        builder.Property(m => m.FamilyView).HasMaxLength(MultiAgencyMeeting.ViewMaxLength);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(m => m.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CaseId, m.HeldOn });
        builder.HasManyByField(m => m.Attendees, a => a.MeetingId, DeleteBehavior.Cascade);
        builder.HasManyByField(m => m.Decisions, d => d.MeetingId, DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.ToTable("meeting_attendees");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(CasePlan.NameMaxLength).IsRequired();
        builder.Property(a => a.Agency).HasMaxLength(CasePlan.NameMaxLength).IsRequired();
        builder.Property(a => a.Role).HasMaxLength(CasePlan.NameMaxLength);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("meeting_decisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Text).HasMaxLength(CasePlan.TextMaxLength).IsRequired();
        builder.Property(d => d.OwnerAgency).HasMaxLength(CasePlan.NameMaxLength).IsRequired();
        builder.Property(d => d.OwnerPerson).HasMaxLength(CasePlan.NameMaxLength);
    }
}
