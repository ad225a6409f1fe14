using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Reminders;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// Every scheduled job: it records the run, then sends the job's one request through the mediator, as the system,
/// in a scope of its own. The work itself lives in Application, where it is exactly-once by itself, so a misfire, a
/// recovery rerun or an administrator's "run now" is always safe.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class ApplicationJob(IServiceScopeFactory scopes, JobRunRecorder recorder, ILogger<ApplicationJob> logger) : IJob
{
    public const string RequestedByKey = "requestedBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.JobDetail.Key.Name;
        var triggeredBy = context.MergedJobDataMap.ContainsKey(RequestedByKey)
            ? "Manual: " + context.MergedJobDataMap.GetString(RequestedByKey)
            : "Schedule";
        var runId = await recorder.StartedAsync(name, triggeredBy, context.Scheduler.SchedulerInstanceId, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var summary = await RunAsync(name, mediator, cancellationToken);
            await recorder.SucceededAsync(runId, summary);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await recorder.InterruptedAsync(runId);
            throw;
        }
        catch (Exception ex)
        {
            await recorder.FailedAsync(runId, ex);
            LogFailed(logger, ex, name);
            throw new JobExecutionException(ex);
        }
    }

    private static async Task<string> RunAsync(string name, IMediator mediator, CancellationToken cancellationToken) => name switch
    {
        JobNames.ReviewReminders => (await mediator.Send(new SendReviewReminders(), cancellationToken)).ToString(),
        JobNames.EmailDispatch => (await mediator.Send(new DispatchEmails(), cancellationToken)).ToString(),
        JobNames.DraftCleanup => $"{await mediator.Send(new PurgeReferralDrafts(), cancellationToken)} unfinished drafts deleted",
        _ => throw new InvalidOperationException($"No work is defined for the job '{name}'."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The job {JobName} failed; the next run picks up what it left")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobName);
}
