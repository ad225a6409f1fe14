using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");

        // The id is the form's own key (a second press finds the contact), so it is never made by the database.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.Events);
        builder.Ignore(c => c.IsSettled);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CancelledBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Place).HasMaxLength(Contact.PlaceMaxLength);
        builder.Property(c => c.ParentsOrCarers).HasMaxLength(Contact.ParentsOrCarersMaxLength);
        builder.Property(c => c.CancelReason).HasMaxLength(Contact.CancelReasonMaxLength);
        builder.Property(c => c.Summary).HasMaxLength(Contact.SummaryMaxLength);
        builder.Property(c => c.SensitiveNotes).HasMaxLength(Contact.SensitiveNotesMaxLength);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UpdatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(c => c.Workers, w => w.ContactId, DeleteBehavior.Cascade);
        builder.HasManyByField(c => c.Goals, g => g.ContactId, DeleteBehavior.Cascade);
        builder.HasManyByField(c => c.Professionals, p => p.ContactId, DeleteBehavior.Cascade);

        // The case's list (newest first) and "last contact" / "next contact" both read from this index.
        builder.HasIndex(c => new { c.CaseId, c.StartsAtUtc });
        // The team's figures count attended and missed contacts by their case's manager from this index alone (decision 0055).
        builder.HasIndex(c => new { c.TeamId, c.Outcome, c.StartsAtUtc, c.CaseId });
    }
}

/// <summary>
/// The kept attendance (decision 0056): written only by the save, with raw upserts, so its columns are named as the
/// SQL in KeptAttendance names them. No foreign keys: a figure, not a record, and "no case manager" is the empty id.
/// </summary>
internal sealed class TeamAttendanceDayConfiguration : IEntityTypeConfiguration<TeamAttendanceDay>
{
    public void Configure(EntityTypeBuilder<TeamAttendanceDay> builder)
    {
        builder.ToTable("team_attendance_days");
        builder.HasKey(d => new { d.TeamId, d.CaseManagerUserId, d.Day });
    }
}

internal sealed class ContactWorkerConfiguration : IEntityTypeConfiguration<ContactWorker>
{
    public void Configure(EntityTypeBuilder<ContactWorker> builder)
    {
        builder.ToTable("contact_workers");
        builder.HasKey(w => new { w.ContactId, w.UserId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.UserId);
    }
}

internal sealed class ContactGoalConfiguration : IEntityTypeConfiguration<ContactGoal>
{
    public void Configure(EntityTypeBuilder<ContactGoal> builder)
    {
        builder.ToTable("contact_goals");
        builder.HasKey(g => new { g.ContactId, g.GoalId });
        builder.HasOne<Goal>().WithMany().HasForeignKey(g => g.GoalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.GoalId);
    }
}

internal sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> builder)
    {
        builder.ToTable("contact_professionals");

        // Added through the contact's collection with its id already set: new, not an existing row to update.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Contact.ProfessionalMaxLength).IsRequired();
        builder.Property(p => p.Agency).HasMaxLength(Contact.ProfessionalMaxLength).IsRequired();
        builder.HasIndex(p => new { p.ContactId, p.Position });
    }
}
