using CaseManagement.Domain.Matching;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>Issue 18: the matching weights learned from the register, every version kept (docs/decisions/0066).</summary>
internal sealed class MatchParameterSetConfiguration : IEntityTypeConfiguration<MatchParameterSet>
{
    public void Configure(EntityTypeBuilder<MatchParameterSet> builder)
    {
        builder.ToTable("match_parameter_sets");
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Weights).HasMaxLength(MatchParameterSet.WeightsMaxLength).IsRequired();

        // Two re-estimations finishing together must not both take the next number.
        builder.HasIndex(s => s.Version).IsUnique();
        builder.HasIndex(s => s.State);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.LearnedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.ActivatedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.DiscardedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
