using System.Linq.Expressions;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Cases;

/// <summary>
/// Which open cases have gone too long without a contact the child attended: longer than their team's setting, counted
/// from the last attended contact kept on the case, or from the allocation while there has been none (decision 0039).
/// One reading of the teams' settings (a handful of rows) for a list, its export and the team's figures.
/// </summary>
internal sealed class ContactFlags
{
    private readonly Dictionary<Guid, int> _daysByTeam;
    private readonly DateOnly _today;

    private ContactFlags(Dictionary<Guid, int> daysByTeam, DateOnly today) => (_daysByTeam, _today) = (daysByTeam, today);

    internal static async Task<ContactFlags> ReadAsync(IApplicationDbContext db, DateOnly today, CancellationToken cancellationToken) =>
        new(await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.NoContactFlagDays, cancellationToken), today);

    /// <summary>The days a case of the team may go without a contact before it is flagged.</summary>
    internal int DaysFor(Guid teamId) => _daysByTeam.GetValueOrDefault(teamId, Team.DefaultNoContactFlagDays);

    /// <summary>The one setting of the given teams, or null when they differ (a label then names no number).</summary>
    internal int? CommonDays(IEnumerable<Guid> teamIds)
    {
        var days = teamIds.Select(DaysFor).Distinct().ToList();
        return days.Count == 1 ? days[0] : null;
    }

    /// <summary>Days since the last attended contact of an open case (since its allocation while it has had none); null for a case not being worked.</summary>
    internal static int? DaysSince(CaseStatus status, DateOnly? lastContactOn, DateTime? allocatedAtUtc, DateOnly today) =>
        status != CaseStatus.Open ? null
        : lastContactOn is { } last ? today.DayNumber - last.DayNumber
        : allocatedAtUtc is { } allocated ? today.DayNumber - DateOnly.FromDateTime(allocated).DayNumber
        : null;

    internal bool IsFlagged(Guid teamId, int? daysSince) => daysSince > DaysFor(teamId);

    /// <summary>
    /// The flagged open cases, as a filter the database runs on the columns of the case (one cutoff per distinct setting,
    /// so a user of one team, or of teams that agree, gets one range the index answers).
    /// </summary>
    internal Expression<Func<ChildCase, bool>> Flagged()
    {
        var groups = _daysByTeam.GroupBy(t => t.Value).ToList();
        Expression<Func<ChildCase, bool>>? flagged = null;
        foreach (var group in groups)
        {
            var cutoff = _today.AddDays(-group.Key);
            var allocatedBefore = cutoff.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var teams = group.Select(t => t.Key).ToList();
            Expression<Func<ChildCase, bool>> one = groups.Count == 1
                ? c => c.Status == CaseStatus.Open && (c.LastContactOn < cutoff || (c.LastContactOn == null && c.AllocatedAtUtc < allocatedBefore))
                : c => teams.Contains(c.TeamId) && c.Status == CaseStatus.Open && (c.LastContactOn < cutoff || (c.LastContactOn == null && c.AllocatedAtUtc < allocatedBefore));
            flagged = flagged is null ? one : Either(flagged, one);
        }

        return flagged ?? (c => false);
    }

    private static Expression<Func<ChildCase, bool>> Either(Expression<Func<ChildCase, bool>> left, Expression<Func<ChildCase, bool>> right)
    {
        var right2 = new Rename(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<ChildCase, bool>>(Expression.OrElse(left.Body, right2), left.Parameters);
    }

    private sealed class Rename(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
