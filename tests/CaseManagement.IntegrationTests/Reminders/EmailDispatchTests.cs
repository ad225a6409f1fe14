using System.Text.RegularExpressions;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Jobs.Queries.ListJobs;
using CaseManagement.Domain.Jobs;
using CaseManagement.Infrastructure.Persistence;
using static CaseManagement.IntegrationTests.Reminders.ReminderActions;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>Reminder e-mails through the outbox to a real SMTP server (Postfix's smtp-sink): each one delivered once.</summary>
public abstract partial class EmailDispatchTests(DatabaseProvider provider)
{
    public static Dictionary<string, string> SmtpSettings(int port) => new(StringComparer.Ordinal)
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "None",
        ["Email:Smtp:From"] = "reminders@yot.example",
        ["Email:Smtp:TimeoutSeconds"] = "5",
        ["Email:LinkBaseUrl"] = "https://cases.yot.example",
    };

    [SkippableFact]
    public async Task EmailJob_RunTwice_DeliversEachReminderOnceWithItsOwnMessageIdAndNoChildsName()
    {
        TestDatabase.Require(provider);
        SmtpSink.Require();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var sink = await SmtpSink.StartAsync();
        var clock = new TestClock();
        await using var server = new ReminderServer(database, clock, SmtpSettings(sink.Port));
        var today = clock.Today;
        var soon = await server.Services.AddCaseAsync(today.AddDays(4));
        var escalated = await server.Services.AddCaseAsync(today.AddDays(-9));
        await server.Services.RunJobAsync(JobNames.ReviewReminders);
        var outbox = await server.Services.OutboxAsync([soon, escalated]);

        var first = await server.Services.RunJobAsync(JobNames.EmailDispatch);
        var second = await server.Services.RunJobAsync(JobNames.EmailDispatch);

        Assert.Equal(JobOutcome.Succeeded, first.Outcome);
        Assert.Contains("0 e-mails sent", JobSummary.Read(second.Summary)?.ToString(), StringComparison.Ordinal);
        var messages = sink.Messages();
        Assert.Equal(3, outbox.Count);
        Assert.Equal(3, messages.Count);
        Assert.Equal(outbox.Select(e => $"{e.Id:N}@yot.example").Order(), messages.Select(m => MessageId().Match(m).Groups[1].Value).Order());
        Assert.Equal(["<casemanager@demo.example>", "<casemanager@demo.example>", "<teammanager@demo.example>"], messages.Select(m => Recipient().Match(m).Groups[1].Value).Order());
        Assert.All(messages, m => Assert.DoesNotContain("Remindertest", m, StringComparison.OrdinalIgnoreCase));
        Assert.All(messages, m => Assert.DoesNotContain("Eirlys", m, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(messages, m => m.Contains($"https://cases.yot.example/cases/{soon}", StringComparison.Ordinal));
        Assert.All(await server.Services.OutboxAsync([soon, escalated]), e => Assert.NotNull(e.SentAtUtc));
    }

    [SkippableFact]
    public async Task EmailJob_ServerDownThenBack_KeepsTheMessageAndDeliversItOnceAfterARestart()
    {
        TestDatabase.Require(provider);
        SmtpSink.Require();
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        var port = SmtpSink.FreePort();
        Guid caseId;
        await using (var server = new ReminderServer(database, clock, SmtpSettings(port)))
        {
            caseId = await server.Services.AddCaseAsync(clock.Today.AddDays(1));
            await server.Services.RunJobAsync(JobNames.ReviewReminders);

            // Nothing listens on the port yet: the message waits, with the reason.
            var failed = await server.Services.RunJobAsync(JobNames.EmailDispatch);
            Assert.Contains("1 failed", JobSummary.Read(failed.Summary)?.ToString(), StringComparison.Ordinal);
            var waiting = Assert.Single(await server.Services.OutboxAsync([caseId]));
            Assert.Null(waiting.SentAtUtc);
            Assert.Equal(1, waiting.Attempts);
            Assert.NotNull(waiting.LastError);
            var overview = await server.Services.SendAsAdministratorAsync(new ListJobs());
            Assert.Equal(1, overview.Outbox.Waiting);
            Assert.Equal(failed.Id, overview.Jobs.Single(j => j.Name == JobNames.EmailDispatch).LastRun!.Id);
        }

        await using var sink = await SmtpSink.StartAsync(port);
        clock.Offset += TimeSpan.FromMinutes(5);
        await using var restarted = new ReminderServer(database, clock, SmtpSettings(port));
        await restarted.Services.RunJobAsync(JobNames.EmailDispatch);
        await restarted.Services.RunJobAsync(JobNames.EmailDispatch);

        Assert.Single(sink.Messages());
        Assert.Equal(0, (await restarted.Services.SendAsAdministratorAsync(new ListJobs())).Outbox.Waiting);
        Assert.NotNull(Assert.Single(await restarted.Services.OutboxAsync([caseId])).SentAtUtc);
    }

    [GeneratedRegex(@"Message-I[dD]: <([^>]+)>")]
    private static partial Regex MessageId();

    [GeneratedRegex(@"X-Rcpt-Args: (<[^>]+>)")]
    private static partial Regex Recipient();
}

public sealed class SqliteEmailDispatchTests() : EmailDispatchTests(DatabaseProvider.Sqlite);

public sealed class PostgresEmailDispatchTests() : EmailDispatchTests(DatabaseProvider.PostgreSQL);
