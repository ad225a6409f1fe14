using CaseManagement.Application.Matching;
using CaseManagement.Domain.Jobs;

namespace CaseManagement.Application.Jobs.Queries.ListJobs;

[Authorize(Roles.Administrator)]
public sealed record ListJobs(int RecentRuns = 10) : IRequest<JobsOverview>;

/// <summary>
/// The recurring jobs' state, whether this server's scheduler is running, the e-mail outbox, the re-keying of the
/// register (<c>match-keys</c>, decision 0078), which is not recurring but asked for at start-up, and the re-estimation
/// of the matching weights (<c>matching-weights</c>, decision 0066), which an administrator starts from the matching page.
/// </summary>
public sealed record JobsOverview(bool SchedulerRunning, IReadOnlyList<JobStatusDto> Jobs, OutboxStatus Outbox, MatchKeysJobStatus? MatchKeys = null, JobStatusDto? MatchingWeights = null);

/// <summary>The <c>match-keys</c> job's runs (its next run is none: it runs when a start-up finds children waiting), and how many children wait for today's keys.</summary>
public sealed record MatchKeysJobStatus(JobStatusDto Job, int ChildrenWaiting);

/// <summary>
/// A job's state: its last run, when it runs next (none when the scheduler is off here), how many of its recent runs
/// failed, and those recent runs, newest first.
/// </summary>
public sealed record JobStatusDto(string Name, JobRunDto? LastRun, DateTime? NextRunUtc, int RecentFailures, IReadOnlyList<JobRunDto> RecentRuns);

/// <summary>
/// One run of a job, as the administrators' page shows it. Its summary says what the run did: the API gives it in the
/// language the request asks for, English by default (the words and numbers it is made of stay in the application).
/// </summary>
public sealed record JobRunDto(
    Guid Id,
    DateTime StartedAtUtc,
    DateTime? FinishedAtUtc,
    JobOutcome Outcome,
    string TriggeredBy,
    string InstanceId,
    string? Summary,
    string? Error,
    [property: System.Text.Json.Serialization.JsonIgnore] JobSummary? SummaryWords = null,
    JobFailureKind? FailureKind = null);

/// <summary>The e-mail outbox: messages waiting to be sent (the oldest since when), and messages given up after every attempt failed.</summary>
public sealed record OutboxStatus(int Waiting, DateTime? OldestWaitingSinceUtc, int GivenUp);

internal sealed class ListJobsHandler(IApplicationDbContext db, IJobScheduler scheduler, ChildMatcher matcher) : IRequestHandler<ListJobs, JobsOverview>
{
    public async Task<JobsOverview> Handle(ListJobs request, CancellationToken cancellationToken)
    {
        var next = await scheduler.NextRunsAsync(cancellationToken);
        var take = Math.Clamp(request.RecentRuns, 1, 50);
        var jobs = new List<JobStatusDto>();
        async Task<JobStatusDto> StatusAsync(string name)
        {
            var runs = await db.JobRuns.AsNoTracking()
                .Where(r => r.JobName == name)
                .OrderByDescending(r => r.StartedAtUtc).ThenBy(r => r.Id)
                .Take(take)
                .Select(r => new JobRunDto(r.Id, r.StartedAtUtc, r.FinishedAtUtc, r.Outcome, r.TriggeredBy, r.InstanceId, r.Summary, r.Error, null))
                .ToListAsync(cancellationToken);
            runs = [.. runs.Select(r => JobSummary.Read(r.Summary) is { } words ? r with { Summary = words.ToString(), SummaryWords = words } : r)
                .Select(r => r with { FailureKind = JobFailure.Read(r.Error) })];
            return new JobStatusDto(name, runs.FirstOrDefault(), next.TryGetValue(name, out var at) ? at : null, runs.Count(r => r.Outcome == JobOutcome.Failed), runs);
        }

        foreach (var name in JobNames.All)
        {
            jobs.Add(await StatusAsync(name));
        }

        var matchKeys = new MatchKeysJobStatus(await StatusAsync(JobNames.MatchKeys), await matcher.StaleChildren().CountAsync(cancellationToken));
        var matchingWeights = await StatusAsync(JobNames.MatchingWeights);

        var waiting = db.OutgoingEmails.AsNoTracking().Where(e => e.SentAtUtc == null && e.GaveUpAtUtc == null);
        var outbox = new OutboxStatus(
            await waiting.CountAsync(cancellationToken),
            await waiting.OrderBy(e => e.CreatedAtUtc).Select(e => (DateTime?)e.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken),
            await db.OutgoingEmails.CountAsync(e => e.GaveUpAtUtc != null, cancellationToken));
        return new JobsOverview(scheduler.IsRunning, jobs, outbox, matchKeys, matchingWeights);
    }
}
