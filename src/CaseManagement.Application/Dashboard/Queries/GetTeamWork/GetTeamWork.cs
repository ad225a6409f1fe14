using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard.Queries.GetTeamWork;

/// <summary>
/// The team's figures of the work with children (issue 17, point 7): did-not-attend rates of the contacts held in the
/// period, per case manager (of the case) and for the team; interventions by kind and provider, started,
/// completed and stopped within the period (dates inclusive); onward referrals waiting now, with their median wait, per
/// service. Every figure has a list behind it (<c>ListTeamContacts</c>, <c>ListTeamInterventions</c>, <c>ListWaitingOnwardReferrals</c>).
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record GetTeamWork(DateOnly From, DateOnly To) : IRequest<TeamWorkFiguresDto>;

/// <summary>
/// Contacts the child was expected at within the period, by the case manager of their case (null: not allocated):
/// attended or not; <see cref="DidNotAttendPercent"/> of the two together (cancelled and rearranged ones are not counted).
/// </summary>
public sealed record AttendanceDto(Guid? CaseManagerUserId, string? Name, int Attended, int DidNotAttend, double? DidNotAttendPercent);

/// <param name="KindId">The kind of intervention.</param>
/// <param name="KindEnglish">The kind's name in English.</param>
/// <param name="KindWelsh">The kind's name in Welsh.</param>
/// <param name="ProviderAgencyId">The agency of the system that provides it; null when <see cref="Provider"/> names an organisation.</param>
/// <param name="Provider">Who provides it: the agency's name or the organisation named.</param>
/// <param name="Started">Started within the period.</param>
/// <param name="Completed">Completed within the period.</param>
/// <param name="Stopped">Stopped early within the period.</param>
public sealed record InterventionFiguresDto(Guid KindId, string KindEnglish, string KindWelsh, Guid? ProviderAgencyId, string Provider, int Started, int Completed, int Stopped);

/// <param name="Service">The service referred to.</param>
/// <param name="Waiting">How many onward referrals to it are waiting now.</param>
/// <param name="MedianDaysWaiting">The median of the days each child has waited so far, from the day referred.</param>
/// <param name="LongestDaysWaiting">The longest any child has waited so far, in days.</param>
public sealed record OnwardWaitingDto(OnwardService Service, int Waiting, double MedianDaysWaiting, int LongestDaysWaiting);

public sealed record TeamWorkFiguresDto(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<AttendanceDto> Attendance,
    AttendanceDto TeamAttendance,
    IReadOnlyList<InterventionFiguresDto> Interventions,
    IReadOnlyList<OnwardWaitingDto> OnwardWaiting,
    int OnwardWaitingTotal,
    double? OnwardMedianDaysWaiting);

public sealed class GetTeamWorkHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<GetTeamWork, TeamWorkFiguresDto>
{
    public async Task<TeamWorkFiguresDto> Handle(GetTeamWork request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (from, to) = (request.From, request.To);

        // Added up from the figures kept per day and case manager (decision 0056): a few rows a day, not every contact.
        var days = teamIds.Count == 1 ? db.TeamAttendanceDays.Where(d => d.TeamId == teamIds[0]) : db.TeamAttendanceDays.Where(d => teamIds.Contains(d.TeamId));
        var attendance = await days
            .Where(d => d.Day >= from && d.Day <= to)
            .GroupBy(d => d.CaseManagerUserId)
            .Select(g => new { Manager = g.Key, Attended = g.Sum(d => d.Attended), Missed = g.Sum(d => d.DidNotAttend) })
            .ToListAsync(cancellationToken);
        var names = await users.DisplayNamesAsync(cancellationToken);
        var perManager = attendance
            .Where(a => a.Attended + a.Missed > 0)
            .Select(a => (Manager: a.Manager == TeamAttendanceDay.NoCaseManager ? (Guid?)null : a.Manager, a.Attended, a.Missed))
            .Select(a => Attendance(a.Manager, a.Manager is { } id ? names.GetValueOrDefault(id) : null, a.Attended, a.Missed))
            .OrderBy(a => a.Name is null).ThenBy(a => a.Name, StringComparer.CurrentCulture).ToList();

        // Counted in the database, a row per kind and provider: only interventions that moved within the period.
        var interventions = db.Interventions.AsNoTracking().OfTeams(teamIds)
            .Where(i => (i.ActualStart >= from && i.ActualStart <= to) || (i.ActualEnd >= from && i.ActualEnd <= to));
        var counts = await interventions
            .GroupBy(i => new { i.KindId, i.ProviderAgencyId, i.ProviderName })
            .Select(g => new
            {
                g.Key.KindId,
                g.Key.ProviderAgencyId,
                g.Key.ProviderName,
                Started = g.Count(i => i.ActualStart >= from && i.ActualStart <= to),
                Completed = g.Count(i => i.Status == InterventionStatus.Completed && i.ActualEnd >= from && i.ActualEnd <= to),
                Stopped = g.Count(i => i.Status == InterventionStatus.Stopped && i.ActualEnd >= from && i.ActualEnd <= to),
            })
            .ToListAsync(cancellationToken);
        var kinds = await db.InterventionKinds.AsNoTracking().Where(k => teamIds.Contains(k.TeamId))
            .ToDictionaryAsync(k => k.Id, k => (k.NameEnglish, k.NameWelsh, k.SortOrder), cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var rows = counts
            .Select(c => new InterventionFiguresDto(
                c.KindId, kinds.GetValueOrDefault(c.KindId).NameEnglish ?? string.Empty, kinds.GetValueOrDefault(c.KindId).NameWelsh ?? string.Empty,
                c.ProviderAgencyId, c.ProviderAgencyId is { } agency ? agencies.GetValueOrDefault(agency, string.Empty) : c.ProviderName ?? string.Empty,
                c.Started, c.Completed, c.Stopped))
            .OrderBy(r => kinds.GetValueOrDefault(r.KindId).SortOrder).ThenBy(r => r.KindEnglish, StringComparer.CurrentCulture).ThenBy(r => r.Provider, StringComparer.CurrentCulture)
            .ToList();

        // A row per service and day referred (a few hundred at most), the medians worked out here: SQLite has no median.
        var waiting = await TeamWork.Waiting(db.OnwardReferrals.AsNoTracking().OfTeams(teamIds))
            .GroupBy(r => new { r.Service, r.ReferredOn })
            .Select(g => new { g.Key.Service, g.Key.ReferredOn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        List<int> Days(IEnumerable<(int Days, int Count)> rows) => rows.SelectMany(r => Enumerable.Repeat(r.Days, r.Count)).Order().ToList();
        var perService = waiting
            .GroupBy(w => w.Service)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var days = Days(g.Select(w => (Math.Max(0, today.DayNumber - w.ReferredOn.DayNumber), w.Count)));
                return new OnwardWaitingDto(g.Key, days.Count, TeamWork.Median(days) ?? 0, days[^1]);
            })
            .ToList();
        var all = Days(waiting.Select(w => (Math.Max(0, today.DayNumber - w.ReferredOn.DayNumber), w.Count)));
        return new TeamWorkFiguresDto(
            from, to, perManager, Attendance(null, null, perManager.Sum(a => a.Attended), perManager.Sum(a => a.DidNotAttend)),
            rows, perService, all.Count, TeamWork.Median(all));
    }

    private static AttendanceDto Attendance(Guid? manager, string? name, int attended, int missed) =>
        new(manager, name, attended, missed, attended + missed == 0 ? null : Math.Round(100.0 * missed / (attended + missed), 1));
}
