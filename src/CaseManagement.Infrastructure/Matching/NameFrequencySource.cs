using CaseManagement.Application.Matching;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Matching;

/// <summary>
/// Name frequencies over every child known, read with one query and kept for <see cref="RefreshInterval"/>: a few new
/// children barely move a frequency, and a stale snapshot only shifts a weight a little, never a decision's rules.
/// </summary>
internal sealed class NameFrequencySource(IServiceScopeFactory scopes, TimeProvider clock) : INameFrequencySource, IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private INameFrequencies? _snapshot;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<INameFrequencies?> GetAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _readAt < RefreshInterval)
        {
            return _snapshot;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() - _readAt >= RefreshInterval)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var names = await db.Children.AsNoTracking()
                    .Where(c => c.MergedIntoChildId == null)
                    .Select(c => new { c.Id, c.GivenName, c.FamilyName })
                    .ToListAsync(cancellationToken);
                var frequencies = InMemoryNameFrequencies.FromRecords(names.Select(n => new PersonRecord(n.Id, n.GivenName, n.FamilyName)));
                _snapshot = frequencies.FamilyNameCount == 0 ? null : frequencies;
                _readAt = clock.GetUtcNow();
            }

            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
