using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard;

/// <summary>
/// What the team's figures of the work and the lists behind them share (issue 17, point 7), so a figure and its list
/// count the same rows.
/// </summary>
internal static class TeamWork
{
    /// <summary>The most rows one export gives (a team's lists are far shorter).</summary>
    internal const int ExportLimit = 50_000;

    /// <summary>The team's contacts the child was expected at (attended or not) that began within the period (days in UTC).</summary>
    internal static IQueryable<Contact> Held(IQueryable<Contact> contacts, IReadOnlyList<Guid> teamIds, DateOnly from, DateOnly to)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var held = contacts.Where(c => c.StartsAtUtc >= start && c.StartsAtUtc < end && (c.Outcome == ContactOutcome.Attended || c.Outcome == ContactOutcome.DidNotAttend));
        return teamIds.Count == 1 ? held.Where(c => c.TeamId == teamIds[0]) : held.Where(c => teamIds.Contains(c.TeamId));
    }

    /// <summary>The team's interventions that started, completed or stopped within the period.</summary>
    internal static IQueryable<Intervention> Counted(IQueryable<Intervention> interventions, InterventionMeasure measure, DateOnly from, DateOnly to) => measure switch
    {
        InterventionMeasure.Started => interventions.Where(i => i.ActualStart >= from && i.ActualStart <= to),
        InterventionMeasure.Completed => interventions.Where(i => i.Status == InterventionStatus.Completed && i.ActualEnd >= from && i.ActualEnd <= to),
        _ => interventions.Where(i => i.Status == InterventionStatus.Stopped && i.ActualEnd >= from && i.ActualEnd <= to),
    };

    /// <summary>The team's onward referrals still waiting: not declined, not closed, the child not yet seen (as <see cref="OnwardReferral.IsOutstanding"/>).</summary>
    internal static IQueryable<OnwardReferral> Waiting(IQueryable<OnwardReferral> referrals) =>
        referrals.Where(r => r.ClosedOn == null && r.FirstAppointmentOn == null && (r.Accepted == null || r.Accepted == true));

    internal static IQueryable<Intervention> OfTeams(this IQueryable<Intervention> interventions, IReadOnlyList<Guid> teamIds) =>
        teamIds.Count == 1 ? interventions.Where(i => i.TeamId == teamIds[0]) : interventions.Where(i => teamIds.Contains(i.TeamId));

    internal static IQueryable<OnwardReferral> OfTeams(this IQueryable<OnwardReferral> referrals, IReadOnlyList<Guid> teamIds) =>
        teamIds.Count == 1 ? referrals.Where(r => r.TeamId == teamIds[0]) : referrals.Where(r => teamIds.Contains(r.TeamId));

    /// <summary>The middle value (the mean of the middle two of an even count); null for none.</summary>
    internal static double? Median(IReadOnlyList<int> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}

/// <summary>Which of an intervention's steps a figure counts within its period.</summary>
public enum InterventionMeasure
{
    Started,
    Completed,
    Stopped,
}
