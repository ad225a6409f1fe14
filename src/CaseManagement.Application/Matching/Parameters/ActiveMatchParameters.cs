using CaseManagement.Domain.Matching;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Matching.Parameters;

/// <summary>
/// The options intake matches with: the configured thresholds with the active parameter set's table, or the configured
/// table when no set is active (docs/decisions/0066). Kept in memory (one per server) and read again when a set is
/// activated or discarded here, or after <see cref="RefreshInterval"/>, so another server's activation reaches this one
/// within a minute, without a read per referral.
/// </summary>
public sealed class ActiveMatchParameters(IOptions<MatchingSettings> settings, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // One reference, so a reader sees the options with the time and generation they were read at, never half of them.
    private Held? _held;
    private int _generation;

    /// <summary>The options to match with now, read with the caller's context when the copy held is stale.</summary>
    public async Task<MatchingOptions> GetAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Fresh(Volatile.Read(ref _held)) is { } options)
        {
            return options;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_held) is { } again)
            {
                return again;
            }

            // Taken before the read: a refresh asked for while it runs (an activation just committed) makes what it
            // reads stale at once, so the next referral reads again.
            var generation = Volatile.Read(ref _generation);
            var configured = settings.Value.ToOptions();
            var table = await db.MatchParameterSets.AsNoTracking()
                .Where(s => s.State == MatchParameterState.Active)
                .OrderByDescending(s => s.Version)
                .Select(s => s.Weights)
                .FirstOrDefaultAsync(cancellationToken);
            var read = table is null ? configured : MatchParameterTable.Apply(configured, table);
            Volatile.Write(ref _held, new Held(read, clock.GetUtcNow(), generation));
            return read;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the copy held, so the next referral reads the set now in use.</summary>
    public void Refresh() => Interlocked.Increment(ref _generation);

    private MatchingOptions? Fresh(Held? held) =>
        held is not null && held.Generation == Volatile.Read(ref _generation) && clock.GetUtcNow() - held.ReadAt < RefreshInterval ? held.Options : null;

    private sealed record Held(MatchingOptions Options, DateTimeOffset ReadAt, int Generation);

    public void Dispose() => _gate.Dispose();
}
