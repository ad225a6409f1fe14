using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Commands.DispatchEmails;
using CaseManagement.Application.Jobs.Commands.PurgeReferralDrafts;
using CaseManagement.Application.Reminders;
using CaseManagement.Application.Reminders.Commands.SendReviewReminders;
using Hangfire;
using Hangfire.Server;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// Every background job: it records the run, then sends the job's one request through the mediator, as the system,
/// in a scope of its own. The work itself lives in Application, where it is exactly-once by itself, so a rerun after a
/// crash, a second server or an administrator's "run now" is always safe. Its arguments are the job's name and the id
/// of the person who asked for the run: Hangfire stores and shows them, so they never carry anything about a child.
/// </summary>
public sealed partial class ApplicationJob(IServiceScopeFactory scopes, JobRunRecorder recorder, ILogger<ApplicationJob> logger)
{
    /// <summary>The distributed lock of one job (its name is the first argument): one run at a time across every server.</summary>
    public const string LockResource = "casemanagement:job:{0}";

    /// <summary>How long a run waits for the one before it to finish before it gives up (and shows as failed).</summary>
    public const int LockTimeoutSeconds = 15 * 60;

    /// <summary>
    /// Runs the job. Hangfire passes <paramref name="context"/> and the shutdown <paramref name="cancellationToken"/>
    /// in place of what was stored. No automatic retry: a failed run stays failed in the dashboard and the next
    /// scheduled run picks up what it left, as every run works out what is owed from the database.
    /// </summary>
    [DisableConcurrentExecution(LockResource, LockTimeoutSeconds)]
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("{0}")]
    public async Task RunAsync(string jobName, Guid? requestedBy, PerformContext? context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobName);
        var scheduled = context?.GetJobParameter<string>("RecurringJobId") is { Length: > 0 };
        var runId = await recorder.StartedAsync(jobName, scheduled ? JobRunRecorder.Schedule : null, requestedBy, context?.ServerId ?? Environment.MachineName, cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var summary = await SendAsync(jobName, requestedBy, mediator, cancellationToken);
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

            // The types and where it happened, never the message: it may name what the run was working on (decision 0095).
            LogFailed(logger, jobName, runId, JobFailure.KindOf(ex), JobFailure.Types(ex), ex.StackTrace);
            throw;
        }
    }

    private static async Task<JobSummary> SendAsync(string name, Guid? requestedBy, IMediator mediator, CancellationToken cancellationToken) => name switch
    {
        JobNames.ReviewReminders => (await mediator.Send(new SendReviewReminders(), cancellationToken)).Summary,
        JobNames.EmailDispatch => (await mediator.Send(new DispatchEmails(), cancellationToken)).Summary,
        JobNames.DraftCleanup => JobSummary.Of(JobSummary.DraftsDeleted, await mediator.Send(new PurgeReferralDrafts(), cancellationToken)),
        JobNames.RetentionReview => JobSummary.Of(JobSummary.RetentionListed, await mediator.Send(new Application.Records.Retention.Commands.ListRetentionDue.ListRetentionDue(), cancellationToken)),
        JobNames.WebhookDispatch => (await mediator.Send(new Application.Partners.Commands.DispatchWebhooks.DispatchWebhooks(), cancellationToken)).Summary,
        JobNames.MatchingWeights => await mediator.Send(new Application.Matching.Parameters.Commands.EstimateMatchParameters.EstimateMatchParameters(requestedBy), cancellationToken),
        JobNames.MatchKeys => await mediator.Send(new Application.Matching.Keys.RekeyChildren(), cancellationToken),
        _ => throw new InvalidOperationException($"No work is defined for the job '{name}'."),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The job {JobName} failed (run {RunId}: {FailureKind}, {ExceptionTypes}); the next run picks up what it left\n{StackTrace}")]
    private static partial void LogFailed(ILogger logger, string jobName, Guid runId, JobFailureKind failureKind, string exceptionTypes, string? stackTrace);
}
