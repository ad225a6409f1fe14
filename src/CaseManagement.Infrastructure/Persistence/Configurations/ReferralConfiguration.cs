using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.Ignore(r => r.Events);
        builder.Property(r => r.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ReferrerName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.PoliceOccurrenceReference).HasMaxLength(50);
        builder.Property(r => r.Concerns).HasMaxLength(8000).IsRequired();
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.ChildGivenName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ChildFamilyName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.ChildPreferredName).HasMaxLength(100);
        builder.Property(r => r.ChildSex).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChildPostcode).HasMaxLength(10);
        builder.Property(r => r.ChildPreferredLanguage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Team>().WithMany().HasForeignKey(r => r.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(r => r.ReferrerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.Status, r.ReceivedAtUtc });
        builder.HasIndex(r => r.ReceivedAtUtc);
        builder.Property(r => r.SensitiveNotes).HasMaxLength(8000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.ReferrerPhone).HasMaxLength(40);
        builder.Property(r => r.ReferrerEmail).HasMaxLength(254);
        builder.Property(r => r.Reason).HasMaxLength(4000);
        builder.Property(r => r.Consent).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.LawfulBasis).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ChildNhsNumber).HasMaxLength(10);
        builder.Property(r => r.ChildUniquePupilNumber).HasMaxLength(13);
        builder.Property(r => r.ChildPncId).HasMaxLength(20);
        builder.Property(r => r.ChildAddress).HasMaxLength(500);
        builder.Property(r => r.ChildSchool).HasMaxLength(200);
        builder.Property(r => r.ParentsOrCarers).HasMaxLength(1000);
        builder.Property(r => r.ChildHouseNumberOrName).HasMaxLength(100);
        builder.Property(r => r.ChildStreet).HasMaxLength(200);
        builder.Property(r => r.ChildTown).HasMaxLength(100);
        builder.Property(r => r.ChildEmail).HasMaxLength(254);
        builder.Property(r => r.ChildPhone).HasMaxLength(40);
        builder.Property(r => r.ChildEmailOwner).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChildPhoneOwner).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ChildOtherIdentifier).HasMaxLength(50);
        builder.Property(r => r.ChildOtherIdentifierIssuer).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.ParentOrCarerNames).HasMaxLength(500);
        builder.Property(r => r.SubmissionKey).HasMaxLength(120);
        builder.HasIndex(r => r.SubmissionKey).IsUnique();
        builder.Property(r => r.OutcomeReason).HasMaxLength(2000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(r => r.DecidedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasManyByField(r => r.Transitions, t => t.ReferralId, DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsDecided);
        builder.HasOne<Domain.Cases.ChildCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralTransitionConfiguration : IEntityTypeConfiguration<ReferralTransition>
{
    public void Configure(EntityTypeBuilder<ReferralTransition> builder)
    {
        builder.ToTable("referral_transitions");

        // Transitions are created by the referral and found through its collection: a key the application always sets
        // tells EF Core that a transition it has not seen is new, not an existing row to update.
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.FromStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.ToStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.HasIndex(t => new { t.ReferralId, t.OccurredAtUtc });
    }
}

internal sealed class MatchCandidateConfiguration : IEntityTypeConfiguration<MatchCandidate>
{
    public void Configure(EntityTypeBuilder<MatchCandidate> builder)
    {
        builder.ToTable("match_candidates");
        builder.Property(c => c.Decision).HasMaxLength(20);
        builder.Property(c => c.Explanation).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.DecisionNote).HasMaxLength(2000);
        builder.HasIndex(c => new { c.ReferralId, c.ChildId }).IsUnique();
        builder.HasIndex(c => c.ChildId);
        builder.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Children.Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralDraftConfiguration : IEntityTypeConfiguration<ReferralDraft>
{
    public void Configure(EntityTypeBuilder<ReferralDraft> builder)
    {
        builder.ToTable("referral_drafts");
        builder.Property(d => d.Answers).IsRequired();
        builder.Property(d => d.CompletedSteps).HasMaxLength(200).IsRequired();
        builder.Ignore(d => d.Completed);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(d => d.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.OwnerUserId, d.UpdatedAtUtc });
    }
}
