using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>The app's clock, moved by the test: real time plus an offset, so cookies and the scheduler still see time pass.</summary>
public sealed class TestClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + Offset;

    /// <summary>Moves the clock so that today is <paramref name="day"/> (at the current time of day).</summary>
    public void SetToday(DateOnly day) => Offset += TimeSpan.FromDays(day.DayNumber - Today.DayNumber);
}

/// <summary>
/// One server of the app, with its scheduler on, over a database the test owns: several of them can share one
/// database (a restart, or two servers at once). Scheduled triggers are set far in the future, so every run here is
/// one the test asked for.
/// </summary>
public sealed class ReminderServer(TestDatabase database, TestClock clock, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>03:00 on 29 February: a next run to show, and none while a test runs.</summary>
    public const string Never = "0 3 29 2 *";

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", database.ConnectionString);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Password", AppFactory.DemoPassword);
        builder.UseSetting("DataProtection:KeysDirectory", TestKeys.DirectoryFor(database.ConnectionString));
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Reminders:Schedule", Never);
        builder.UseSetting("Email:DispatchSchedule", Never);
        builder.UseSetting("Jobs:DraftCleanupSchedule", Never);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<ILoggerProvider>(Logs);
            services?.Invoke(s);
        });
    }
}

/// <summary>What the reminder tests do to a server: add cases, run jobs, read what came of it.</summary>
public static class ReminderActions
{
    public const string CaseManagerEmail = "casemanager@demo.example";
    public const string TeamManagerEmail = "teammanager@demo.example";

    private static int _children;

    /// <summary>An open case of the demo team, allocated to the demo case manager, with its next review due on <paramref name="reviewDue"/>.</summary>
    public static async Task<Guid> AddCaseAsync(this IServiceProvider services, DateOnly reviewDue, bool closed = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var caseManager = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(CaseManagerEmail);
        var teamId = await db.Teams.Select(t => t.Id).FirstAsync();
        var allocatedAt = reviewDue.AddDays(-42).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var number = Interlocked.Increment(ref _children);
        var child = Child.Register(teamId, new PersonDetails("Eirlys", $"Remindertest{number}", null, new DateOnly(2012, 4, 1), Sex.Female, null, PreferredLanguage.Welsh), allocatedAt);
        var @case = ChildCase.Open(teamId, child.Id, allocatedAt, null);
        @case.Allocate(caseManager!.Id, allocatedAt, null, reviewDue, 42);
        if (closed)
        {
            @case.Close(ClosureReason.FamilyDeclined, DateOnly.FromDateTime(allocatedAt), [], null, allocatedAt, null);
        }

        db.Children.Add(child);
        db.Cases.Add(@case);
        await db.SaveChangesAsync();
        return @case.Id;
    }

    /// <summary>Sets the case's next review date, as holding a review does.</summary>
    public static async Task MoveReviewAsync(this IServiceProvider services, Guid caseId, DateOnly due, DateTime nowUtc)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
        @case.SetNextReview(due, nowUtc, null);
        await db.SaveChangesAsync();
    }

    /// <summary>Sends a job's request straight through the mediator, as the job does, without the scheduler around it.</summary>
    public static async Task<TResponse> SendAsSystemAsync<TResponse>(this IServiceProvider services, IRequest<TResponse> request)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>Sends a request as an administrator with no account (for the administrators' queries).</summary>
    public static async Task<TResponse> SendAsAdministratorAsync<TResponse>(this IServiceProvider services, IRequest<TResponse> request)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(new TestAdministrator());
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private sealed class TestAdministrator : ICurrentUser
    {
        public Guid? UserId => null;

        public bool IsAuthenticated => true;

        public string DisplayName => "Test administrator";

        public string? IpAddress => null;

        public IReadOnlyList<Guid> TeamIds => [];

        public bool IsInRole(string role) => role == Roles.Administrator;
    }

    /// <summary>Asks the scheduler to run the job now (as "run now" does) and waits for that run to finish.</summary>
    public static async Task<JobRun> RunJobAsync(this IServiceProvider services, string jobName)
    {
        var before = (await services.JobRunsAsync(jobName)).Select(r => r.Id).ToHashSet();
        await services.GetRequiredService<IJobScheduler>().TriggerNowAsync(jobName, null, CancellationToken.None);
        return await services.WaitForRunAsync(jobName, before);
    }

    public static async Task<JobRun> WaitForRunAsync(this IServiceProvider services, string jobName, IReadOnlySet<Guid> before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var finished = (await services.JobRunsAsync(jobName)).FirstOrDefault(r => !before.Contains(r.Id) && r.Outcome != JobOutcome.Running);
            if (finished is not null)
            {
                return finished;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The job {jobName} did not finish a run within a minute.");
    }

    /// <summary>
    /// The ids Hangfire gave to the jobs that run <paramref name="jobName"/>, in whichever state they are now (a run the
    /// app has recorded as finished may not yet be marked succeeded by Hangfire), so a test can tell its own job from
    /// any other that ran before it.
    /// </summary>
    public static IReadOnlySet<string> HangfireJobIds(this IServiceProvider services, string jobName)
    {
        var monitoring = services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var found = new HashSet<string>(StringComparer.Ordinal);
        void Add(IEnumerable<(string Id, Hangfire.Common.Job Job)> jobs)
        {
            foreach (var (id, job) in jobs)
            {
                if (job?.Args.Count > 0 && job.Args[0] as string == jobName)
                {
                    found.Add(id);
                }
            }
        }

        foreach (var queue in monitoring.Queues())
        {
            Add(monitoring.EnqueuedJobs(queue.Name, 0, int.MaxValue).Select(j => (j.Key, j.Value.Job)));
            Add(monitoring.FetchedJobs(queue.Name, 0, int.MaxValue).Select(j => (j.Key, j.Value.Job)));
        }

        Add(monitoring.ProcessingJobs(0, int.MaxValue).Select(j => (j.Key, j.Value.Job)));
        Add(monitoring.SucceededJobs(0, int.MaxValue).Select(j => (j.Key, j.Value.Job)));
        Add(monitoring.FailedJobs(0, int.MaxValue).Select(j => (j.Key, j.Value.Job)));
        return found;
    }

    public static async Task<List<JobRun>> JobRunsAsync(this IServiceProvider services, string jobName)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobRuns.AsNoTracking().Where(r => r.JobName == jobName).ToListAsync();
    }

    /// <summary>The notifications about the given cases, as (kind, recipient e-mail, review date).</summary>
    public static async Task<List<(NotificationKind Kind, string Recipient, DateOnly Due, Guid CaseId)>> NotificationsAsync(this IServiceProvider services, IReadOnlyCollection<Guid> caseIds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = caseIds.ToList();
        var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.CaseId))
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { n.Kind, u.Email, n.ReviewDue, n.CaseId })
            .ToListAsync();
        return rows.Select(r => (r.Kind, Recipient: r.Email!, Due: r.ReviewDue, r.CaseId)).OrderBy(r => r.CaseId).ThenBy(r => r.Kind).ThenBy(r => r.Recipient).ToList();
    }

    public static async Task<List<OutgoingEmail>> OutboxAsync(this IServiceProvider services, IReadOnlyCollection<Guid> caseIds)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = caseIds.ToList();
        var notificationIds = db.Notifications.Where(n => ids.Contains(n.CaseId)).Select(n => (Guid?)n.Id);
        return await db.OutgoingEmails.AsNoTracking().Where(e => notificationIds.Contains(e.NotificationId)).ToListAsync();
    }
}

/// <summary>
/// A crash in the middle of a reminder run: the save that would write the (N+1)th notification throws, after N were
/// written and committed. Armed until the test disarms it.
/// </summary>
public sealed class CrashAfterNotifications(int allowed) : SaveChangesInterceptor
{
    private int _saves;

    public bool Armed { get; set; } = true;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Armed && eventData.Context!.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref _saves) > allowed)
        {
            throw new InvalidOperationException("Injected crash in the middle of a reminder run.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
