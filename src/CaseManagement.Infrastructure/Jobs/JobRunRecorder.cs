using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// Keeps the job-run history the administrators' page reads, each write in a scope of its own so that a run that
/// failed is still recorded. Only the newest <see cref="KeptPerJob"/> runs of each job are kept: it is an operational
/// log, bounded like the application's own log, not a record of anyone's case (docs/decisions/0019).
/// </summary>
public sealed class JobRunRecorder(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int KeptPerJob = 100;

    public const string Schedule = "Schedule";

    /// <summary>A run asked for by hand; followed by the person's name when they are known.</summary>
    public const string Manual = "Manual";

    public const string ManualBy = Manual + ": ";

    /// <summary>
    /// Records a run as started: by the schedule (<paramref name="triggeredBy"/>), or else by hand, by the person whose
    /// id the job carries, named here (the run history shows who; the job's stored arguments hold the id only).
    /// </summary>
    public async Task<Guid> StartedAsync(string jobName, string? triggeredBy, Guid? requestedBy, string instanceId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (triggeredBy is null)
        {
            var name = requestedBy is { } userId
                ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
                : null;
            triggeredBy = name is { Length: > 0 } ? ManualBy + name : Manual;
        }

        // A job never runs twice at once (its distributed lock, across servers on PostgreSQL), so a run still marked running was cut off by a
        // stop or a crash.
        await db.JobRuns.Where(r => r.JobName == jobName && r.Outcome == JobOutcome.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Outcome, JobOutcome.Interrupted).SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        var run = new JobRun(jobName, triggeredBy.Length > JobRun.NameMaxLength ? triggeredBy[..JobRun.NameMaxLength] : triggeredBy, instanceId, now);
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    public Task SucceededAsync(Guid runId, Application.Jobs.JobSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return FinishAsync(runId, (run, now) => run.Succeeded(now, summary.Write()));
    }

    public Task FailedAsync(Guid runId, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // The kind only: the exception's message may name what the run was working on (decision 0095); its types are logged.
        return FinishAsync(runId, (run, now) => run.Failed(now, JobFailure.KindOf(error).ToString()));
    }

    public Task InterruptedAsync(Guid runId) => FinishAsync(runId, (run, now) => run.Interrupted(now));

    private async Task FinishAsync(Guid runId, Action<JobRun, DateTime> finish)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var run = await db.JobRuns.FirstOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is null)
        {
            return;
        }

        finish(run, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);

        var oldestKept = await db.JobRuns.Where(r => r.JobName == run.JobName)
            .OrderByDescending(r => r.StartedAtUtc)
            .Skip(KeptPerJob - 1)
            .Select(r => (DateTime?)r.StartedAtUtc)
            .FirstOrDefaultAsync(CancellationToken.None);
        if (oldestKept is { } cutOff)
        {
            await db.JobRuns.Where(r => r.JobName == run.JobName && r.StartedAtUtc < cutOff).ExecuteDeleteAsync(CancellationToken.None);
        }
    }
}
