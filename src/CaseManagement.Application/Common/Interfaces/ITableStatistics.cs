namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// The database's statistics of one table, which its query planner reads to choose a plan. A load or a re-key that
/// changes many rows leaves them stale until the database refreshes them by itself (PostgreSQL's autovacuum, up to a
/// minute later), and meanwhile a plan chosen on the old figures can be very slow (decision 0106).
/// </summary>
public interface ITableStatistics
{
    /// <summary>Refreshes the statistics of the table that holds <typeparamref name="TEntity"/> now.</summary>
    Task RefreshAsync<TEntity>(CancellationToken cancellationToken)
        where TEntity : class;
}
