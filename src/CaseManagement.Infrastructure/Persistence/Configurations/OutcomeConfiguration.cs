using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class KpiRecordConfiguration : IEntityTypeConfiguration<KpiRecord>
{
    public void Configure(EntityTypeBuilder<KpiRecord> builder)
    {
        builder.ToTable("kpi_records");
        builder.Ignore(r => r.Events);
        builder.Ignore(r => r.Answers);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.LearningNeeds).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.MentalHealth).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.SubstanceUse).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChildrensServices).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Victims).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.Stage });

        // The quarterly return starts from the team's end records of the quarter.
        builder.HasIndex(r => new { r.TeamId, r.Stage, r.RecordedOn });
    }
}

internal sealed class DisposalConfiguration : IEntityTypeConfiguration<Disposal>
{
    public void Configure(EntityTypeBuilder<Disposal> builder)
    {
        builder.ToTable("disposals");
        builder.Ignore(d => d.Events);
        builder.Ignore(d => d.TurnaroundEligible);
        builder.Property(d => d.Incident).HasMaxLength(Disposal.TextMaxLength);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.TurnaroundTrigger).HasMaxLength(200);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(d => d.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.CaseId);
        builder.HasIndex(d => d.ChildId);
    }
}

internal sealed class LaterOffenceConfiguration : IEntityTypeConfiguration<LaterOffence>
{
    public void Configure(EntityTypeBuilder<LaterOffence> builder)
    {
        builder.ToTable("later_offences");
        builder.Ignore(o => o.Events);
        builder.Property(o => o.OffenceType).HasMaxLength(LaterOffence.TypeMaxLength);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(o => o.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(o => o.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(o => o.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.CaseId, o.OffenceOn });
        builder.HasIndex(o => o.ChildId);
    }
}

internal sealed class ChildCharacteristicsConfiguration : IEntityTypeConfiguration<ChildCharacteristics>
{
    public void Configure(EntityTypeBuilder<ChildCharacteristics> builder)
    {
        builder.ToTable("child_characteristics");
        builder.HasKey(c => c.ChildId);
        builder.Property(c => c.Ethnicity).HasConversion<string>().HasMaxLength(50);
        builder.Property(c => c.Disability).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.GenderSameAsSex).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CareExperienced).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Child>().WithOne().HasForeignKey<ChildCharacteristics>(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.ToTable("board_meetings");
        builder.Ignore(m => m.Events);
        builder.Ignore(m => m.AttendedPartners);
        builder.Property(m => m.Attended).HasMaxLength(200);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);

        // One meeting a day per team: recording the day again corrects it; the return reads a quarter's meetings.
        builder.HasIndex(m => new { m.TeamId, m.HeldOn }).IsUnique();
    }
}
