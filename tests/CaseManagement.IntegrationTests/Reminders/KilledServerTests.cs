using System.Globalization;
using System.Text.RegularExpressions;
using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CaseManagement.IntegrationTests.Reminders.ReminderActions;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>
/// <c>kill -9</c> in the middle of a reminder run on Hangfire and PostgreSQL: the app runs as a process of its own, is
/// killed after the run has committed its first reminder and while it writes the second, and is started again. Every
/// reminder exists once and every reminder e-mail reaches the SMTP server once.
/// </summary>
public sealed partial class KilledServerTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    [SkippableFact]
    public async Task ReminderRun_KilledWhileWritingTheSecondReminder_AfterARestartEachReminderEmailIsSentOnce()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        SmtpSink.Require();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new TestClock();
        var today = clock.Today;

        // A server without a scheduler, in this process: it migrates and seeds the database, adds the cases, asks for
        // runs as "run now" does (a job in Hangfire's queue) and reads what came of them.
        var settings = EmailDispatchTests.SmtpSettings(sink.Port);
        settings["Jobs:Enabled"] = "false";
        await using var helper = new ReminderServer(database, clock, settings);
        var first = await helper.Services.AddCaseAsync(today.AddDays(-3));
        var second = await helper.Services.AddCaseAsync(today.AddDays(-2));
        var third = await helper.Services.AddCaseAsync(today.AddDays(-1));
        IReadOnlyCollection<Guid> cases = [first, second, third];

        // The run takes the cases by review date. An open transaction holding the second case's reminder key makes the
        // run's insert of that reminder wait on PostgreSQL's unique index: "mid-run" is certain, not a matter of timing.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var holding = await holder.BeginTransactionAsync();
        await HoldReminderKeyAsync(holder, holding, helper.Services, second);

        var environment = Settings(database, sink.Port);
        int[] waiting;
        using (var killed = await AppProcess.StartAsync(environment, StartTimeout))
        {
            Enqueue(helper.Services, JobNames.ReviewReminders);

            // Off the test runner's two busy threads: the run's insert waits 30 seconds at most (its command timeout).
            waiting = await Task.Run(async () =>
            {
                var sessions = await WaitUntilBlockedAsync(holder, killed);
                await killed.KillAsync();
                return sessions;
            });
            Assert.Equal(137, killed.Process.ExitCode);
        }

        // Killed with the first reminder and its e-mail committed, and the second still waiting to be written.
        Assert.Equal(first, Assert.Single(await helper.Services.NotificationsAsync(cases)).CaseId);
        Assert.Null(Assert.Single(await helper.Services.OutboxAsync(cases)).SentAtUtc);

        // What the dead server had already sent of its last save then finishes or not, as after a real crash; the
        // restart starts once its session has ended, so that the outcome is settled either way.
        await holding.RollbackAsync();
        await WaitUntilEndedAsync(holder.ConnectionString, waiting);
        var killedRuns = (await helper.Services.JobRunsAsync(JobNames.ReviewReminders)).Select(r => r.Id).ToHashSet();

        using var restarted = await AppProcess.StartAsync(environment, StartTimeout);
        Enqueue(helper.Services, JobNames.ReviewReminders);
        var completed = await helper.Services.WaitForRunAsync(JobNames.ReviewReminders, killedRuns);
        var sent = await RunAsync(helper.Services, JobNames.EmailDispatch);
        var again = await RunAsync(helper.Services, JobNames.EmailDispatch);

        Assert.True(completed.Outcome == JobOutcome.Succeeded, $"{completed.Summary} {completed.Error}\n{restarted.Output}");
        Assert.Equal(JobOutcome.Succeeded, sent.Outcome);
        Assert.Contains("0 e-mails sent", JobSummary.Read(again.Summary)?.ToString(), StringComparison.Ordinal);
        var notifications = await helper.Services.NotificationsAsync(cases);
        Assert.Equal(cases.Order(), notifications.Select(n => n.CaseId).Order());
        Assert.All(notifications, n => Assert.Equal((NotificationKind.ReviewOverdue, CaseManagerEmail), (n.Kind, n.Recipient)));
        var outbox = await helper.Services.OutboxAsync(cases);
        Assert.Equal(3, outbox.Count);
        Assert.All(outbox, e => Assert.NotNull(e.SentAtUtc));
        var messages = sink.Messages();
        Assert.Equal(outbox.Select(e => $"{e.Id:N}@yot.example").Order(), messages.Select(m => MessageId().Match(m).Groups[1].Value).Order());
    }

    private static Dictionary<string, string> Settings(TestDatabase database, int smtpPort)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "PostgreSQL",
            ["Database__ConnectionString"] = database.ConnectionString,
            ["DataProtection__KeysDirectory"] = TestKeys.DirectoryFor(database.ConnectionString),
            ["DemoData__Enabled"] = "true",
            ["DemoData__Password"] = AppFactory.DemoPassword,
            ["Jobs__Enabled"] = "true",
            ["Reminders__Schedule"] = ReminderServer.Never,
            ["Email__DispatchSchedule"] = ReminderServer.Never,
            ["Jobs__DraftCleanupSchedule"] = ReminderServer.Never,

            // The killed run's lock is left behind; the restarted server takes it as abandoned after this long, not 10 minutes.
            ["Jobs__AbandonedLockSeconds"] = "5",
        };
        foreach (var (key, value) in EmailDispatchTests.SmtpSettings(smtpPort))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    /// <summary>Writes, without committing, the reminder the run will owe for <paramref name="caseId"/>.</summary>
    private static async Task HoldReminderKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IServiceProvider services, Guid caseId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owed = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.TeamId, CaseManager = c.CaseManagerUserId!.Value, Due = c.NextReviewDue!.Value }).SingleAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO notifications (\"Id\", \"Key\", \"Kind\", \"RecipientUserId\", \"CaseId\", \"TeamId\", \"ReviewDue\", \"CreatedAtUtc\") " +
            "VALUES (@id, @key, @kind, @recipient, @case, @team, @due, now())",
            connection,
            transaction);
        insert.Parameters.AddWithValue("id", Guid.NewGuid());
        insert.Parameters.AddWithValue("key", Notification.KeyFor(NotificationKind.ReviewOverdue, caseId, owed.Due, owed.CaseManager));
        insert.Parameters.AddWithValue("kind", nameof(NotificationKind.ReviewOverdue));
        insert.Parameters.AddWithValue("recipient", owed.CaseManager);
        insert.Parameters.AddWithValue("case", caseId);
        insert.Parameters.AddWithValue("team", owed.TeamId);
        insert.Parameters.AddWithValue("due", owed.Due);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Waits until a session of the app waits on the held key: the run is then inside its second reminder. Asked on a
    /// connection of its own, outside the holder's transaction (within one, PostgreSQL shows the same activity snapshot).
    /// </summary>
    private static async Task<int[]> WaitUntilBlockedAsync(NpgsqlConnection holder, AppProcess app)
    {
        await using var watcher = new NpgsqlConnection(holder.ConnectionString);
        await watcher.OpenAsync();
        await using var blocked = new NpgsqlCommand("SELECT coalesce(array_agg(DISTINCT pid), '{}') FROM pg_locks WHERE NOT granted AND @holder = ANY(pg_blocking_pids(pid))", watcher);
        blocked.Parameters.AddWithValue("holder", holder.ProcessID);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if ((int[])(await blocked.ExecuteScalarAsync())! is { Length: > 0 } sessions)
            {
                return sessions;
            }

            Assert.False(app.Process.HasExited, app.Output);
            await Task.Delay(50);
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"The reminder run never reached the second reminder:\n{app.Output}"));
    }

    /// <summary>Waits until the database has ended the dead server's sessions (it notices the closed connection when it next writes or reads).</summary>
    private static async Task WaitUntilEndedAsync(string connectionString, int[] sessions)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        await using var alive = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(@sessions)", watcher);
        alive.Parameters.AddWithValue("sessions", sessions);
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while ((long)(await alive.ExecuteScalarAsync())! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The killed server's database session did not end within a minute.");
            await Task.Delay(50);
        }
    }

    /// <summary>Puts the job in Hangfire's queue, as "run now" does; whichever server is up runs it.</summary>
    private static void Enqueue(IServiceProvider services, string jobName) =>
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<ApplicationJob>(job => job.RunAsync(jobName, null, null, CancellationToken.None));

    private static async Task<JobRun> RunAsync(IServiceProvider services, string jobName)
    {
        var before = (await services.JobRunsAsync(jobName)).Select(r => r.Id).ToHashSet();
        Enqueue(services, jobName);
        return await services.WaitForRunAsync(jobName, before);
    }

    [GeneratedRegex(@"Message-I[dD]: <([^>]+)>")]
    private static partial Regex MessageId();
}
