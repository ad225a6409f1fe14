using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Work.Interventions;

/// <summary>What the intervention handlers check of the records an intervention names: its goals and its provider.</summary>
public static class InterventionChecks
{
    /// <summary>The goals, each of the child's plan on this case (and still being worked on when newly named).</summary>
    public static async Task<IReadOnlyCollection<Guid>> CheckGoalsAsync(IApplicationDbContext db, Guid caseId, IReadOnlyList<Guid>? goalIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = (goalIds ?? []).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return wanted;
        }

        var found = await db.Goals.CountAsync(g => g.CaseId == caseId && wanted.Contains(g.Id), cancellationToken);
        return found == wanted.Count ? wanted : throw new DomainRuleException("Choose goals of this child's plan.", "GoalIds");
    }

    public static async Task CheckAgencyAsync(IApplicationDbContext db, Guid? agencyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (agencyId is { } id && !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new DomainRuleException("Choose the agency that provides the intervention, or name the organisation.", "ProviderAgencyId");
        }
    }
}
