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
    private MatchingOptions? _options;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private int _generation;

    /// <summary>The options to match with now, read with the caller's context when the copy held is stale.</summary>
    public async Task<MatchingOptions> GetAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (_options is { } held && clock.GetUtcNow() - _readAt < RefreshInterval)
        {
            return held;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_options is null || clock.GetUtcNow() - _readAt >= RefreshInterval)
            {
                // A refresh asked for while this read runs (an activation committing) must not be undone by it.
                var generation = Volatile.Read(ref _generation);
                var configured = settings.Value.ToOptions();
                var table = await db.MatchParameterSets.AsNoTracking()
                    .Where(s => s.State == MatchParameterState.Active)
                    .OrderByDescending(s => s.Version)
                    .Select(s => s.Weights)
                    .FirstOrDefaultAsync(cancellationToken);
                _options = table is null ? configured : MatchParameterTable.Apply(configured, table);
                _readAt = generation == Volatile.Read(ref _generation) ? clock.GetUtcNow() : DateTimeOffset.MinValue;
            }

            return _options;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets the copy held, so the next referral reads the set now in use.</summary>
    public void Refresh()
    {
        Interlocked.Increment(ref _generation);
        _readAt = DateTimeOffset.MinValue;
    }

    public void Dispose() => _gate.Dispose();
}
