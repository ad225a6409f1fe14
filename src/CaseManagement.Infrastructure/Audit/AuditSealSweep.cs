using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Audit;

/// <summary>
/// Seals, every few seconds, the audit entries no save's own attempt sealed (decision 0085): a save whose sealer lost
/// its connection, a server that stopped between a commit and the seal. It takes the chain's lock only when entries are
/// waiting, and then waits for it. A plain timer rather than a Hangfire job: a job every few seconds would write
/// Hangfire's own rows each time, and every server may sweep, as the lock makes them take turns.
/// </summary>
public sealed partial class AuditSealSweep(IServiceProvider services, TimeSpan every, ILogger<AuditSealSweep> logger) : BackgroundService
{
    public const string EveryKey = "Audit:SealSweepSeconds";

    /// <summary>One sweep: seals every entry waiting, waiting for the chain's lock; how many were taken (sealed, or set aside as not the app's).</summary>
    public static async Task<int> SweepAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RecordsAudit = false;

        // Each sealing transaction is the sweep's own and rolls back whole: a savepoint around its save would undo nothing
        // and cost PostgreSQL a round trip to release (decision 0101, as for the sealer after a save's commit).
        db.Database.AutoSavepointsEnabled = false;
        var keyring = scope.ServiceProvider.GetRequiredService<AuditKeyring>();
        var total = 0;
        int sealedNow;
        do
        {
            sealedNow = await AuditSealer.SealWaitingAsync(db, keyring, wait: true, justWrote: false, cancellationToken);
            total += sealedNow;
        }
        while (sealedNow > 0);

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await SweepAsync(services, stoppingToken) is > 0 and var swept)
                {
                    Swept(logger, swept);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again at the next tick; the check of the trail reports entries that wait longer than the merge delay.
                SweepFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The audit sweep sealed {Count} entries no save had sealed.")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit sweep could not seal the waiting entries ({Error}); it tries again at the next tick.")]
    private static partial void SweepFailed(ILogger logger, string error);
}
