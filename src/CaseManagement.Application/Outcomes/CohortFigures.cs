using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Outcomes;

/// <summary>One closed piece of work of a cohort: its Cwm Taf outcome (null: still in follow-up), whether the child became a first-time entrant in its follow-up window, and its distance travelled.</summary>
internal sealed record CohortMember(Guid CaseId, Guid ChildId, LaterOffending? Outcome, bool FirstTimeEntrant, IReadOnlyList<RatingChange> Changes);

/// <summary>
/// The figures of the cohort outcome report (decision 0059) and which members each one counts, so that the report and
/// the list behind a figure agree by construction.
/// </summary>
public static class CohortFigures
{
    public const string Outcome = "Outcome";
    public const string FirstTimeEntrants = "FirstTimeEntrants";
    public const string Distance = "Distance";
    public const string InFollowUp = "InFollowUp";
    public const string LessConcern = "LessConcern";
    public const string Same = "Same";
    public const string MoreConcern = "MoreConcern";

    public static IReadOnlyList<string> Outcomes { get; } = [.. Enum.GetNames<LaterOffending>(), InFollowUp];

    public static IReadOnlyList<string> Directions { get; } = [LessConcern, Same, MoreConcern];

    /// <summary>Whether the figure, measure and direction name a figure of the report.</summary>
    public static bool Known(string? figure, string? measure, string? direction) => figure switch
    {
        Outcome => Outcomes.Contains(measure),
        FirstTimeEntrants => true,
        Distance => DistanceTravelled.Measures().Contains(measure) && Directions.Contains(direction),
        _ => false,
    };

    internal static bool Counts(CohortMember member, string figure, string? measure, string? direction) => figure switch
    {
        Outcome => (member.Outcome?.ToString() ?? InFollowUp) == measure,
        FirstTimeEntrants => member.FirstTimeEntrant,
        Distance => member.Changes.FirstOrDefault(c => c.Measure == measure)?.Change is { } change && DirectionOf(change) == direction,
        _ => false,
    };

    private static string DirectionOf(int change) => change < 0 ? LessConcern : change == 0 ? Same : MoreConcern;
}

/// <summary>The cohort of a period: the team's pieces of work that closed in it, each with what followed.</summary>
internal static class PeriodCohort
{
    public static async Task<IReadOnlyList<CohortMember>> ReadAsync(IApplicationDbContext db, IEnumerable<Guid> teamIds, DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken)
    {
        var teams = teamIds.ToList();
        var closed = db.Cases.AsNoTracking().Where(c => teams.Contains(c.TeamId) && c.ClosedOn != null && c.ClosedOn >= from && c.ClosedOn <= to);
        var cases = await closed.Join(db.Teams, c => c.TeamId, t => t.Id, (c, t) => new { c.Id, c.ChildId, ClosedOn = c.ClosedOn!.Value, t.OutcomeFollowUpMonths })
            .ToListAsync(cancellationToken);
        var split = await OutcomeReading.SplitAsync(db, closed, today, cancellationToken);
        var entrants = await OutcomeReading.FirstTimeEntrantsAsync(db, closed, from, today, cancellationToken);
        var ratings = await OutcomeReading.RatingsAsync(db, closed.Select(c => c.Id), cancellationToken);

        // A first-time entrant of the cohort entered the justice system after the work closed, within its follow-up window.
        return cases.Select(c => new CohortMember(
                c.Id,
                c.ChildId,
                split[c.Id],
                entrants.TryGetValue(c.ChildId, out var on) && on > c.ClosedOn && on <= c.ClosedOn.AddMonths(c.OutcomeFollowUpMonths),
                DistanceTravelled.ForChild(ratings[c.Id].ToList())))
            .ToList();
    }
}
