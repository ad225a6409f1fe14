using CaseManagement.Application.Cases;
using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions;

/// <summary>What the intervention handlers check of the records an intervention names: its provider, goals and needs.</summary>
public static class InterventionChecks
{
    /// <summary>
    /// The plan of an intervention, its agency and goals checked against the database, and the needs the case's latest
    /// assessment recorded that the user may see (a seconded practitioner cannot name a need only the team may read).
    /// </summary>
    public static async Task<(InterventionPlan Plan, IReadOnlyCollection<AssessedNeed> Assessed)> PlanAsync(
        IApplicationDbContext db, ICurrentUser user, ChildCase @case, IInterventionFields fields, IReadOnlyList<Guid>? goalIds, IReadOnlyList<string>? needs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.ProviderAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, cancellationToken))
        {
            throw new DomainRuleException("Choose the agency that provides the intervention, or name the organisation.", "ProviderAgencyId");
        }

        var wanted = (goalIds ?? []).Distinct().ToList();
        if (wanted.Count > 0 && await db.Goals.CountAsync(g => g.CaseId == @case.Id && wanted.Contains(g.Id), cancellationToken) != wanted.Count)
        {
            throw new DomainRuleException("Choose goals of this child's plan.", "GoalIds");
        }

        var (_, findings) = await db.LatestAsync(@case.Id, cancellationToken);
        var assessed = findings.SeenBy(user.SeesTeamOnlyEntries(@case.TeamId)).Select(f => f.Need).ToList();
        return (new InterventionPlan(fields.ProviderAgencyId, fields.ProviderName, fields.PlannedStart, fields.PlannedEnd, wanted, CaseNeeds.Read(needs)), assessed);
    }
}
