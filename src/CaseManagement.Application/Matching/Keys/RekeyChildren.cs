using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Matching.Keys;

/// <summary>
/// The matching-keys job's work (decision 0078): keys again every child whose keys are older than today's scheme
/// (<see cref="MatchBlocking.KeySchemeVersion"/>) or who has none, a batch at a time, while the app serves.
/// </summary>
[Authorize(Roles.System)]
public sealed record RekeyChildren : IRequest<Jobs.JobSummary>;

internal sealed class RekeyChildrenHandler(ChildMatcher matcher, IApplicationDbContext db, ITableStatistics statistics) : IRequestHandler<RekeyChildren, Jobs.JobSummary>
{
    public async Task<Jobs.JobSummary> Handle(RekeyChildren request, CancellationToken cancellationToken)
    {
        var keyed = await matcher.RekeyAsync(cancellationToken);

        // A run that keyed a tenth of the register or more (after a load, or a new scheme) has changed the keys' table
        // enough that the planner's figures for it are stale: PostgreSQL's autovacuum analyses it by the same measure,
        // but only at its next round, and meanwhile intake's candidate search was seen to scan every linked referral
        // (485 to 790 ms a search, decision 0101). So the job refreshes them itself (decision 0106).
        if (keyed > 0 && keyed * 10L >= await db.Children.LongCountAsync(cancellationToken))
        {
            await statistics.RefreshAsync<ChildMatchKey>(cancellationToken);
        }

        return Jobs.JobSummary.Of(Jobs.JobSummary.ChildrenRekeyed, keyed, MatchBlocking.KeySchemeVersion);
    }
}

/// <summary>
/// Asks for the matching-keys job at start-up when any child needs keys (decision 0078): the app serves at once, and
/// intake finds the children not yet keyed again by the keys they hold. A server that runs no jobs leaves it to one
/// that does, which asks at its own start.
/// </summary>
public static class MatchKeysAtStartUp
{
    public static async Task<bool> StartIfNeededAsync(ChildMatcher matcher, IJobScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!scheduler.IsRunning || !await matcher.StaleChildren().AnyAsync(cancellationToken))
        {
            return false;
        }

        await scheduler.TriggerNowAsync(Jobs.JobNames.MatchKeys, null, cancellationToken);
        return true;
    }
}
