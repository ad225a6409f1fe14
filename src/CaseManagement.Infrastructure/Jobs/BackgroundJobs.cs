using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// The scheduled jobs on Quartz (docs/decisions/0003 and 0019): a persistent store in the app's own database, clustered
/// on PostgreSQL so that several servers share the work and a trigger fires on one of them only; not clustered on
/// SQLite, which serves one server. Each job only sends a request through the mediator.
/// </summary>
public static class BackgroundJobs
{
    public const string EnabledKey = "Jobs:Enabled";

    /// <summary>Quartz cron expressions (with seconds): every 15 minutes, every minute, at 02:30 each night.</summary>
    public static IReadOnlyDictionary<string, (string Key, string Default)> Schedules { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [JobNames.ReviewReminders] = ("Reminders:Schedule", "0 0/15 * * * ?"),
        [JobNames.EmailDispatch] = ("Email:DispatchSchedule", "0 * * * * ?"),
        [JobNames.DraftCleanup] = ("Jobs:DraftCleanupSchedule", "0 30 2 * * ?"),
    };

    public static string TriggerName(string jobName) => jobName + "-schedule";

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<JobRunRecorder>();
        if (!configuration.GetValue(EnabledKey, true))
        {
            services.AddSingleton<IJobScheduler, DisabledJobScheduler>();
            return services;
        }

        var schedules = Schedules.ToDictionary(s => s.Key, s => configuration[s.Value.Key] is { Length: > 0 } cron ? cron : s.Value.Default, StringComparer.Ordinal);
        foreach (var (name, cron) in schedules)
        {
            if (!CronExpression.TryParse(cron, out _))
            {
                throw new InvalidOperationException($"The schedule of the job '{name}' ({Schedules[name].Key} = '{cron}') is not a valid Quartz cron expression.");
            }
        }

        services.AddQuartz(quartz =>
        {
            // Quartz keeps real time even when a test moves the app's clock: reminders read TimeProvider, triggers do not.
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                if (provider == DatabaseProvider.PostgreSQL)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
            });

            foreach (var (name, cron) in schedules)
            {
                quartz.AddJob<ApplicationJob>(job => job.WithIdentity(name).StoreDurably().DisallowConcurrentExecution());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(name)
                    .WithIdentity(TriggerName(name))
                    .WithCronSchedule(cron, schedule => schedule.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
        return services;
    }
}

/// <summary>The scheduler as the administrators' page sees it.</summary>
internal sealed class QuartzJobScheduler(ISchedulerFactory factory) : IJobScheduler
{
    public bool IsRunning => true;

    public async Task<IReadOnlyDictionary<string, DateTime>> NextRunsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var keys = JobNames.All.Select(name => new TriggerKey(BackgroundJobs.TriggerName(name))).ToList();
        var triggers = await scheduler.GetTriggers(keys, cancellationToken);
        var next = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var trigger in triggers)
        {
            if (trigger.JobKey is { } job && trigger.NextFireTimeUtc is { } at)
            {
                next[job.Name] = at.UtcDateTime;
            }
        }

        return next;
    }

    public async Task TriggerNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var data = new JobDataMap { [ApplicationJob.RequestedByKey] = requestedBy };
        await scheduler.TriggerJob(new JobKey(jobName), data, cancellationToken);
    }
}

/// <summary>Jobs:Enabled=false: this server runs no jobs (another may); the page shows their history only.</summary>
internal sealed class DisabledJobScheduler : IJobScheduler
{
    public bool IsRunning => false;

    public Task<IReadOnlyDictionary<string, DateTime>> NextRunsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTime>>(new Dictionary<string, DateTime>());

    public Task TriggerNowAsync(string jobName, string requestedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The scheduler is turned off on this server.");
}
