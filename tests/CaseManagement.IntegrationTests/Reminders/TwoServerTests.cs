using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Commands.DispatchEmails;
using CaseManagement.Application.Reminders;
using CaseManagement.Application.Reminders.Commands.SendReviewReminders;
using CaseManagement.Domain.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>
/// Two servers of the app on one PostgreSQL database, their schedulers clustered: the reminder job and the e-mail
/// job run on both at the same moment, and every reminder and every e-mail still exists (and is delivered) once.
/// </summary>
public sealed class TwoServerTests
{
    [SkippableFact]
    public async Task TwoServers_RunTheJobsAtOnce_CreateOneSetOfRemindersAndDeliverEachEmailOnce()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        SmtpSink.Require();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new TestClock();
        var settings = EmailDispatchTests.SmtpSettings(sink.Port);
        await using var first = new ReminderServer(database, clock, settings);
        _ = first.Services;
        await using var second = new ReminderServer(database, clock, settings);
        _ = second.Services;
        var today = clock.Today;

        // The requests themselves, sent on both servers at once, without the scheduler's protection around them.
        var direct = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            direct.Add(await first.Services.AddCaseAsync(today.AddDays(-12 + (i * 3))));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Services.SendAsSystemAsync(new SendReviewReminders()))));
        var directNotifications = await first.Services.NotificationsAsync(direct);

        // Through the clustered scheduler: "run now" on both servers at the same moment.
        var scheduled = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            scheduled.Add(await second.Services.AddCaseAsync(today.AddDays(-9 + (i * 4))));
        }

        var before = (await first.Services.JobRunsAsync(JobNames.ReviewReminders)).Select(r => r.Id).ToHashSet();
        await Task.WhenAll(
            first.Services.GetRequiredService<Application.Common.Interfaces.IJobScheduler>().TriggerNowAsync(JobNames.ReviewReminders, null, CancellationToken.None),
            second.Services.GetRequiredService<Application.Common.Interfaces.IJobScheduler>().TriggerNowAsync(JobNames.ReviewReminders, null, CancellationToken.None));
        var one = await first.Services.WaitForRunAsync(JobNames.ReviewReminders, before);
        var other = await first.Services.WaitForRunAsync(JobNames.ReviewReminders, before.Append(one.Id).ToHashSet());
        var scheduledNotifications = await first.Services.NotificationsAsync(scheduled);

        // Then every e-mail, sent by both servers at once.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Services.SendAsSystemAsync(new DispatchEmails(BatchSize: 3)))));
        await Task.WhenAll(first.Services.SendAsSystemAsync(new DispatchEmails()), second.Services.SendAsSystemAsync(new DispatchEmails()));

        Assert.Equal(directNotifications.Distinct().Count(), directNotifications.Count);
        Assert.Equal(9, directNotifications.Count);
        Assert.Equal(results.Sum(r => r.Created), directNotifications.Count);
        Assert.Equal(JobOutcome.Succeeded, one.Outcome);
        Assert.Equal(JobOutcome.Succeeded, other.Outcome);
        Assert.All([one, other], run => Assert.NotEqual("NON_CLUSTERED", run.InstanceId));
        Assert.Equal(scheduledNotifications.Distinct().Count(), scheduledNotifications.Count);
        Assert.Equal(5, scheduledNotifications.Count);
        var outbox = await first.Services.OutboxAsync([.. direct, .. scheduled]);
        var messages = sink.Messages();
        Assert.Equal(14, outbox.Count);
        Assert.All(outbox, e => Assert.NotNull(e.SentAtUtc));
        Assert.Equal(outbox.Count, messages.Count);
        Assert.Equal(outbox.Select(e => $"{e.Id:N}@yot.example").Order(), messages.Select(m => System.Text.RegularExpressions.Regex.Match(m, "Message-I[dD]: <([^>]+)>").Groups[1].Value).Order());
    }
}
