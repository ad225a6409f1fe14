using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseManagement.Infrastructure.Jobs;

/// <summary>
/// The background jobs on Hangfire (docs/decisions/0026). PostgreSQL: Hangfire's storage in the app's own database,
/// in a schema of its own, shared by every server, so the servers share the work; SQL Server the same, with
/// Hangfire.SqlServer (docs/decisions/0042). SQLite (one server): Hangfire's
/// in-memory storage; nothing of Hangfire's survives a restart, and nothing needs to, as the schedules come from
/// settings and the work's state (notification keys, the outbox, the run history) lives in the app's database. Each
/// job only sends a request through the mediator.
/// </summary>
public static class BackgroundJobs
{
    public const string EnabledKey = "Jobs:Enabled";

    public const string DashboardPath = "/admin/hangfire";

    public const string PostgresSchema = "hangfire";

    public const string SqlServerSchema = "hangfire";

    /// <summary>
    /// Seconds after which a job's lock is taken to be left by a server that died in the middle of a run (a kill, a
    /// power cut) and is removed, so that the job runs again; Hangfire.PostgreSql's own default is 10 minutes.
    /// </summary>
    public const string AbandonedLockKey = "Jobs:AbandonedLockSeconds";

    /// <summary>
    /// Cron expressions (Cronos: five fields, or six with seconds first): every 15 minutes, every minute, at 02:30 each
    /// night, in UK time. The six-field values of the Quartz days ("0 0/15 * * * ?") keep working.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Key, string Default)> Schedules { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        [JobNames.ReviewReminders] = ("Reminders:Schedule", "*/15 * * * *"),
        [JobNames.EmailDispatch] = ("Email:DispatchSchedule", "* * * * *"),
        [JobNames.DraftCleanup] = ("Jobs:DraftCleanupSchedule", "30 2 * * *"),
        [JobNames.RetentionReview] = ("Jobs:RetentionReviewSchedule", "45 2 * * *"),
        [JobNames.WebhookDispatch] = ("Webhooks:DispatchSchedule", "* * * * *"),
    };

    public static IServiceCollection AddBackgroundJobs(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<JobRunRecorder>();

        // Our own storage and activator, registered before AddHangfire so that its defaults (JobStorage.Current and
        // JobActivator.Current, both static) are never used: several app hosts share one process in the tests, each
        // with its own database, and each must run its jobs in its own container against its own storage.
        var abandonedLock = TimeSpan.FromSeconds(configuration.GetValue(AbandonedLockKey, 600));
        services.AddSingleton<JobStorage>(_ => CreateStorage(provider, connectionString, abandonedLock));
        services.AddSingleton<JobActivator>(sp => new ScopedJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, hangfire) => hangfire
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (!configuration.GetValue(EnabledKey, true))
        {
            services.AddSingleton<IJobScheduler, DisabledJobScheduler>();
            return services;
        }

        var schedules = Schedules.ToDictionary(s => s.Key, s => configuration[s.Value.Key] is { Length: > 0 } cron ? cron.Trim() : s.Value.Default, StringComparer.Ordinal);

        // Registered before the server, so the schedules are in storage (and checked) before it starts.
        services.AddHostedService(sp => new RecurringJobsRegistration(sp.GetRequiredService<IRecurringJobManager>(), sp.GetRequiredService<JobStorage>(), schedules));
        services.AddHangfireServer(options =>
        {
            options.WorkerCount = 4;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<IJobScheduler, HangfireJobScheduler>();
        return services;
    }

    /// <summary>
    /// The Hangfire Dashboard for administrators (the app's cookie sign-in and the given policy; antiforgery on its
    /// actions, which Hangfire checks with the app's own antiforgery). Built on its first request, so a server that
    /// never opens it never touches Hangfire's storage.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints, string authorizationPolicy)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var app = endpoints.CreateApplicationBuilder();
        var options = new DashboardOptions
        {
            AppPath = "/admin/jobs",
            DashboardTitle = "Background jobs",
            DisplayStorageConnectionString = false,
            IgnoreAntiforgeryToken = false,

            // Our policy decides who comes in; Hangfire's default (local requests only) would refuse every real one.
            Authorization = [],
            AsyncAuthorization = [],
        };
        var pipeline = new Lazy<RequestDelegate>(() => app
            .UsePathBase(DashboardPath)
            .UseMiddleware<AspNetCoreDashboardMiddleware>(app.ApplicationServices.GetRequiredService<JobStorage>(), options, app.ApplicationServices.GetRequiredService<Hangfire.Dashboard.RouteCollection>())
            .Build());
        return endpoints.Map(DashboardPath + "/{**path}", context => pipeline.Value(context))
            .RequireAuthorization(authorizationPolicy)
            .ExcludeFromDescription();
    }

    private static JobStorage CreateStorage(DatabaseProvider provider, string connectionString, TimeSpan abandonedLock)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            // Hangfire's own versioned schema beside ours, as on PostgreSQL. Its distributed locks are sp_getapplock
            // locks owned by a session, so a crashed server's locks go with its connection (no abandoned-lock wait).
            return new SqlServerStorage(() => new Microsoft.Data.SqlClient.SqlConnection(connectionString), new SqlServerStorageOptions
            {
                SchemaName = SqlServerSchema,
                PrepareSchemaIfNecessary = true,
            });
        }

        if (provider != DatabaseProvider.PostgreSQL)
        {
            return new InMemoryStorage();
        }

        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,

            // Hangfire keeps its own versioned schema (as it upgrades it); our migrations and schema test cover ours.
            PrepareSchemaIfNecessary = true,

            // A job enqueued on one server is picked up by any at once (LISTEN/NOTIFY), not at the next poll.
            EnableLongPolling = true,
            QueuePollInterval = TimeSpan.FromSeconds(5),

            // A lock row outlives the server that held it, and nothing renews it: the job waits this long after a crash.
            DistributedLockTimeout = abandonedLock,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}

/// <summary>Puts each job's schedule from settings into storage at start-up, and takes out jobs no longer defined.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager manager, JobStorage storage, IReadOnlyDictionary<string, string> schedules) : IHostedService
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, cron) in schedules)
        {
            if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
            {
                throw Invalid(name, cron, null);
            }

            try
            {
                manager.AddOrUpdate<ApplicationJob>(
                    name,
                    job => job.RunAsync(name, null, null, CancellationToken.None),
                    cron,
                    new RecurringJobOptions { TimeZone = UkTime, MisfireHandling = MisfireHandlingMode.Relaxed });
            }
            catch (ArgumentException ex)
            {
                throw Invalid(name, cron, ex);
            }
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => !schedules.ContainsKey(id)))
        {
            manager.RemoveIfExists(stale);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException Invalid(string name, string cron, Exception? inner) => new(
        $"The schedule of the job '{name}' ({BackgroundJobs.Schedules[name].Key} = '{cron}') is not a valid cron expression: use five fields (minute hour day month weekday), or six with seconds first.",
        inner);
}

/// <summary>Resolves each job from a scope of the app's own container.</summary>
internal sealed class ScopedJobActivator(IServiceScopeFactory scopes) : JobActivator
{
    public override object ActivateJob(Type jobType) => throw new NotSupportedException("Jobs are resolved in a scope: BeginScope.");

    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

    private sealed class Scope(IServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.Dispose();
    }
}

/// <summary>The scheduler as the administrators' page sees it: next runs from the recurring jobs in storage, "run now" as a queued job.</summary>
internal sealed class HangfireJobScheduler(JobStorage storage, IBackgroundJobClient client) : IJobScheduler
{
    public bool IsRunning => true;

    public Task<IReadOnlyDictionary<string, DateTime>> NextRunsAsync(CancellationToken cancellationToken)
    {
        using var connection = storage.GetConnection();
        IReadOnlyDictionary<string, DateTime> next = connection.GetRecurringJobs([.. JobNames.All])
            .Where(job => !job.Removed && job.NextExecution is not null)
            .ToDictionary(job => job.Id, job => DateTime.SpecifyKind(job.NextExecution!.Value, DateTimeKind.Utc), StringComparer.Ordinal);
        return Task.FromResult(next);
    }

    public Task TriggerNowAsync(string jobName, Guid? requestedBy, CancellationToken cancellationToken)
    {
        client.Enqueue<ApplicationJob>(job => job.RunAsync(jobName, requestedBy, null, CancellationToken.None));
        return Task.CompletedTask;
    }
}

/// <summary>Jobs:Enabled=false: this server runs no jobs (another may); the page shows their history only.</summary>
internal sealed class DisabledJobScheduler : IJobScheduler
{
    public bool IsRunning => false;

    public Task<IReadOnlyDictionary<string, DateTime>> NextRunsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTime>>(new Dictionary<string, DateTime>());

    public Task TriggerNowAsync(string jobName, Guid? requestedBy, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The scheduler is turned off on this server.");
}
