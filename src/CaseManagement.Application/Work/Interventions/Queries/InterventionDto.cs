using CaseManagement.Application.Work.Needs;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Queries;

/// <summary>An intervention as its pages and the API show it; the kind in both languages, sessions counted from contacts.</summary>
public sealed record InterventionDto(
    Guid Id,
    Guid CaseId,
    Guid KindId,
    string KindEnglish,
    string KindWelsh,
    bool KindRetired,
    Guid? ProviderAgencyId,
    string? Provider,
    DateOnly? PlannedStart,
    DateOnly? PlannedEnd,
    DateOnly? ActualStart,
    DateOnly? ActualEnd,
    InterventionStatus Status,
    string? StopReason,
    int SessionsOffered,
    int SessionsAttended,
    IReadOnlyList<InterventionGoalDto> Goals,
    IReadOnlyList<AssessedNeedDto> Needs,
    DateTime CreatedAtUtc)
{
    /// <summary>
    /// Reads the interventions of one case with the names of their kinds, providers and goals, oldest first, and the
    /// needs they answer as the reader may see them.
    /// </summary>
    public static async Task<IReadOnlyList<InterventionDto>> ReadAsync(IApplicationDbContext db, Guid caseId, IQueryable<Intervention> interventions, bool seesWholeRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await interventions.Where(i => i.CaseId == caseId).AsNoTracking().Include(i => i.Goals).Include(i => i.Sessions).OrderBy(i => i.CreatedAtUtc).ToListAsync(cancellationToken);
        var contactIds = found.SelectMany(i => i.Sessions).Select(s => s.ContactId).Distinct().ToList();
        var outcomes = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Outcome, c.CancelledBy), cancellationToken);
        var (_, assessed) = found.Count == 0 ? (null, []) : await db.LatestAsync(caseId, cancellationToken);
        var kindIds = found.Select(i => i.KindId).Distinct().ToList();
        var kinds = await db.InterventionKinds.AsNoTracking().Where(k => kindIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, cancellationToken);
        var agencyIds = found.Where(i => i.ProviderAgencyId is not null).Select(i => i.ProviderAgencyId!.Value).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var goalIds = found.SelectMany(i => i.Goals).Select(g => g.GoalId).Distinct().ToList();
        var goals = await db.Goals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Description, cancellationToken);
        InterventionDto Read(Intervention i)
        {
            var (offered, attended) = Intervention.CountSessions(i.Sessions.Select(s => outcomes[s.ContactId]));
            return new InterventionDto(
                i.Id, i.CaseId, i.KindId, kinds[i.KindId].NameEnglish, kinds[i.KindId].NameWelsh, kinds[i.KindId].IsRetired,
                i.ProviderAgencyId, i.ProviderAgencyId is { } agency ? agencies.GetValueOrDefault(agency) : i.ProviderName,
                i.PlannedStart, i.PlannedEnd, i.ActualStart, i.ActualEnd, i.Status, i.StopReason,
                offered, attended,
                i.Goals.Select(g => new InterventionGoalDto(g.GoalId, goals.GetValueOrDefault(g.GoalId, string.Empty))).ToList(),
                CaseNeeds.Linked(i.NeedList.Select(n => n.Code), assessed, seesWholeRecord),
                i.CreatedAtUtc);
        }

        return found.Select(Read).ToList();
    }
}

/// <summary>A goal of the plan that an intervention works towards.</summary>
public sealed record InterventionGoalDto(Guid Id, string Description);
