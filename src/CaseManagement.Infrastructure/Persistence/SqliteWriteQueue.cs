using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time, and every EF Core transaction there begins with BEGIN IMMEDIATE. The
/// others poll for the lock: Microsoft.Data.Sqlite retries a busy statement every 150 ms, blocking its thread, so many
/// submissions at once finish in 150 ms steps and starve the thread pool. Here a transaction first waits its turn in the
/// app, in order and without holding a thread, and begins once the one before it has ended (decision 0054). One queue
/// per database file: a SQLite file belongs to one app process.
/// </summary>
internal sealed class SqliteWriteQueue : DbTransactionInterceptor, IDbConnectionInterceptor
{
    // No turn waits longer than a command may; past that the transaction goes to SQLite's own lock, as before the queue.
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Queues = new(StringComparer.Ordinal);

    // The connections whose transaction holds a turn, and which queue's.
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Holding = [];

    private readonly SemaphoreSlim _queue;

    public SqliteWriteQueue(string connectionString) =>
        _queue = Queues.GetOrAdd(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource), _ => new SemaphoreSlim(1, 1));

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (!Holding.TryGetValue(connection, out _) && _queue.Wait(MaxWait))
        {
            Holding.AddOrUpdate(connection, _queue);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (!Holding.TryGetValue(connection, out _) && await _queue.WaitAsync(MaxWait, cancellationToken))
        {
            Holding.AddOrUpdate(connection, _queue);
        }

        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Release(eventData);

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) => Release(eventData);

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) => Release(eventData);

    // A transaction disposed without commit or rollback (an exception in the handler) ends when EF Core closes the
    // connection it opened for it.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    private static Task Release(DbContextEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Release(context.Database.GetDbConnection());
        }

        return Task.CompletedTask;
    }

    private static void Release(DbConnection connection)
    {
        if (Holding.TryGetValue(connection, out var queue) && Holding.Remove(connection))
        {
            queue.Release();
        }
    }
}
