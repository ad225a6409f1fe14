using CaseManagement.Infrastructure.Persistence.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CaseManagement.Infrastructure.Persistence;

/// <summary>Ready only when every migration script of this build has been applied, unchanged.</summary>
public sealed class MigrationsHealthCheck(MigrationRunner runner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await runner.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("All migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending.Select(p => p.Name))}.");
        }
        catch (MigrationException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
#pragma warning disable CA1031 // Any other failure (server down, bad credentials) means "not ready", which is this check's whole answer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The database could not be reached.", ex);
        }
    }
}
