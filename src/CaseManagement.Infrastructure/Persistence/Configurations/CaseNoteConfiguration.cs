using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("case_notes");

        // The id is the form's own key (a second press finds the note), so it is never made by the database.
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Ignore(n => n.Events);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Text).HasMaxLength(CaseNote.TextMaxLength).IsRequired();
        builder.Property(n => n.SearchText).HasMaxLength(CaseNote.TextMaxLength).IsRequired();
        builder.Property(n => n.Revision).IsConcurrencyToken();
        builder.HasOne<ChildCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Child>().WithMany().HasForeignKey(n => n.ChildId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.WrittenByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.EditedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(n => n.Versions, v => v.NoteId, DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CaseId, n.WrittenAtUtc });
    }
}

internal sealed class CaseNoteVersionConfiguration : IEntityTypeConfiguration<CaseNoteVersion>
{
    public void Configure(EntityTypeBuilder<CaseNoteVersion> builder)
    {
        builder.ToTable("case_note_versions");

        // Added through the note's collection with its id already set: new, not an existing row to update.
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Visibility).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Text).HasMaxLength(CaseNote.TextMaxLength).IsRequired();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.WrittenByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.NoteId, v.Revision }).IsUnique();
    }
}
