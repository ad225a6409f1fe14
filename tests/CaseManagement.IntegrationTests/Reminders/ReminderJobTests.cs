using CaseManagement.Application.Jobs;
using CaseManagement.Application.Reminders;
using CaseManagement.Application.Reminders.Commands.SendReviewReminders;
using CaseManagement.Domain.Jobs;
using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CaseManagement.Domain.Notifications.NotificationKind;
using static CaseManagement.IntegrationTests.Reminders.ReminderActions;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>
/// The review reminder job on a real database, run through the scheduler as in production: due, overdue and
/// escalation reminders, each created exactly once however often the job runs, across a restart and a crash part way.
/// </summary>
public abstract class ReminderJobTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task ReminderJob_RunTwice_CreatesDueOverdueAndEscalationRemindersExactlyOnce()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        await using var server = new ReminderServer(database, clock);
        var today = clock.Today;
        var dueSoon = await server.Services.AddCaseAsync(today.AddDays(3));
        var overdue = await server.Services.AddCaseAsync(today.AddDays(-2));
        var escalated = await server.Services.AddCaseAsync(today.AddDays(-10));
        var notYet = await server.Services.AddCaseAsync(today.AddDays(30));
        var closed = await server.Services.AddCaseAsync(today.AddDays(-10), closed: true);
        IReadOnlyCollection<Guid> cases = [dueSoon, overdue, escalated, notYet, closed];

        var first = await server.Services.RunJobAsync(JobNames.ReviewReminders);
        var afterFirst = await server.Services.NotificationsAsync(cases);
        var second = await server.Services.RunJobAsync(JobNames.ReviewReminders);

        Assert.Equal(JobOutcome.Succeeded, first.Outcome);
        Assert.Equal(JobOutcome.Succeeded, second.Outcome);
        Assert.Equal(
            Sorted(
                (ReviewDueSoon, CaseManagerEmail, today.AddDays(3), dueSoon),
                (ReviewOverdue, CaseManagerEmail, today.AddDays(-2), overdue),
                (ReviewOverdue, CaseManagerEmail, today.AddDays(-10), escalated),
                (ReviewEscalation, TeamManagerEmail, today.AddDays(-10), escalated)),
            afterFirst);
        Assert.Equal(afterFirst, await server.Services.NotificationsAsync(cases));
        Assert.Contains(" 0 reminders created", JobSummary.Read(second.Summary)?.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ReminderJob_ReviewHeldAndDateMoved_RemindsAboutTheNewDate()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        await using var server = new ReminderServer(database, clock);
        var today = clock.Today;
        var caseId = await server.Services.AddCaseAsync(today.AddDays(2));
        await server.Services.RunJobAsync(JobNames.ReviewReminders);

        // The review is held: the next one is six weeks away, so nothing is owed now.
        await server.Services.MoveReviewAsync(caseId, today.AddDays(44), clock.GetUtcNow().UtcDateTime);
        await server.Services.RunJobAsync(JobNames.ReviewReminders);
        var afterReview = await server.Services.NotificationsAsync([caseId]);
        clock.SetToday(today.AddDays(40));
        await server.Services.RunJobAsync(JobNames.ReviewReminders);
        clock.SetToday(today.AddDays(44 + 8));
        await server.Services.RunJobAsync(JobNames.ReviewReminders);

        Assert.Equal(Sorted((ReviewDueSoon, CaseManagerEmail, today.AddDays(2), caseId)), afterReview);
        Assert.Equal(
            Sorted(
                (ReviewDueSoon, CaseManagerEmail, today.AddDays(2), caseId),
                (ReviewDueSoon, CaseManagerEmail, today.AddDays(44), caseId),
                (ReviewOverdue, CaseManagerEmail, today.AddDays(44), caseId),
                (ReviewEscalation, TeamManagerEmail, today.AddDays(44), caseId)),
            await server.Services.NotificationsAsync([caseId]));
    }

    [SkippableFact]
    public async Task ReminderJob_AfterARestart_SendsNothingAgainAndWhatIsNewlyOwed()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        var today = clock.Today;
        Guid soon, late;
        await using (var before = new ReminderServer(database, clock))
        {
            soon = await before.Services.AddCaseAsync(today.AddDays(5));
            late = await before.Services.AddCaseAsync(today.AddDays(-3));
            await before.Services.RunJobAsync(JobNames.ReviewReminders);
        }

        // A new server on the same database, a week on: the review due soon is now overdue, the overdue one escalated.
        clock.SetToday(today.AddDays(7));
        await using var after = new ReminderServer(database, clock);
        var run = await after.Services.RunJobAsync(JobNames.ReviewReminders);
        await after.Services.RunJobAsync(JobNames.ReviewReminders);

        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.Equal(
            Sorted(
                (ReviewDueSoon, CaseManagerEmail, today.AddDays(5), soon),
                (ReviewOverdue, CaseManagerEmail, today.AddDays(5), soon),
                (ReviewOverdue, CaseManagerEmail, today.AddDays(-3), late),
                (ReviewEscalation, TeamManagerEmail, today.AddDays(-3), late)),
            await after.Services.NotificationsAsync([soon, late]));
    }

    [SkippableFact]
    public async Task ReminderJob_CrashInTheMiddleOfARun_TheNextRunCompletesWithoutDuplicatesOrLosses()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        var today = clock.Today;
        var crash = new CrashAfterNotifications(allowed: 2);
        var cases = new List<Guid>();
        JobRun crashed;
        await using (var crashing = new ReminderServer(database, clock, services: s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(crash), ServiceLifetime.Singleton)))
        {
            for (var i = 1; i <= 5; i++)
            {
                cases.Add(await crashing.Services.AddCaseAsync(today.AddDays(-i)));
            }

            crashed = await crashing.Services.RunJobAsync(JobNames.ReviewReminders);
            Assert.Equal(2, (await crashing.Services.NotificationsAsync(cases)).Count);

            // The same server again, still failing part way: what was written stays, nothing is written twice.
            var again = await crashing.Services.RunJobAsync(JobNames.ReviewReminders);
            Assert.Equal(JobOutcome.Failed, again.Outcome);
            Assert.Equal(2, (await crashing.Services.NotificationsAsync(cases)).Count);
        }

        // The server is replaced (a restart after the crash), and the job runs on.
        await using var restarted = new ReminderServer(database, clock);
        var completed = await restarted.Services.RunJobAsync(JobNames.ReviewReminders);
        await restarted.Services.RunJobAsync(JobNames.ReviewReminders);

        Assert.Equal(JobOutcome.Failed, crashed.Outcome);
        Assert.Equal(nameof(Application.Jobs.JobFailureKind.Unexpected), crashed.Error); // the kind, not the exception's words (decision 0095)
        Assert.Equal(JobOutcome.Succeeded, completed.Outcome);
        Assert.Equal(
            cases.Select((id, i) => (ReviewOverdue, CaseManagerEmail, today.AddDays(-(i + 1)), id)).OrderBy(r => r.id).ToList(),
            (await restarted.Services.NotificationsAsync(cases)).Select(n => (n.Kind, n.Recipient, n.Due, n.CaseId)).OrderBy(r => r.CaseId).ToList());
    }

    [SkippableFact]
    public async Task ReminderRequest_SentManyTimesAtOnce_CreatesOneSet()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        await using var server = new ReminderServer(database, clock);
        var today = clock.Today;
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            cases.Add(await server.Services.AddCaseAsync(today.AddDays(-10 + (i * 3))));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => server.Services.SendAsSystemAsync(new SendReviewReminders()))));

        var notifications = await server.Services.NotificationsAsync(cases);
        Assert.Equal(notifications.Distinct().Count(), notifications.Count);
        Assert.Equal(results.Sum(r => r.Created), notifications.Count);
        Assert.Equal(7, notifications.Count);
    }

    [SkippableFact]
    public async Task DraftCleanupJob_DeletesOnlyUnfinishedDraftsOlderThanTheKeepingPeriod()
    {
        TestDatabase.Require(provider);
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new TestClock();
        await using var server = new ReminderServer(database, clock);
        Guid old, fresh, sent;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var owner = await db.Users.Where(u => u.Email == CaseManagerEmail).Select(u => u.Id).SingleAsync();
            var now = clock.GetUtcNow().UtcDateTime;
            var oldDraft = new Domain.Referrals.ReferralDraft(owner, now.AddDays(-31));
            var freshDraft = new Domain.Referrals.ReferralDraft(owner, now.AddDays(-29));
            var sentDraft = new Domain.Referrals.ReferralDraft(owner, now.AddDays(-60));
            sentDraft.MarkSubmitted(await db.Referrals.Select(r => r.Id).FirstAsync(), now.AddDays(-60));
            db.ReferralDrafts.AddRange(oldDraft, freshDraft, sentDraft);
            await db.SaveChangesAsync();
            (old, fresh, sent) = (oldDraft.Id, freshDraft.Id, sentDraft.Id);
        }

        var run = await server.Services.RunJobAsync(JobNames.DraftCleanup);

        await using var check = server.Services.CreateAsyncScope();
        var left = await check.ServiceProvider.GetRequiredService<AppDbContext>().ReferralDrafts.Select(d => d.Id).ToListAsync();
        Assert.Equal(JobOutcome.Succeeded, run.Outcome);
        Assert.DoesNotContain(old, left);
        Assert.Contains(fresh, left);
        Assert.Contains(sent, left);
    }

    private static List<(NotificationKind Kind, string Recipient, DateOnly Due, Guid CaseId)> Sorted(params (NotificationKind Kind, string Recipient, DateOnly Due, Guid CaseId)[] rows) =>
        rows.OrderBy(r => r.CaseId).ThenBy(r => r.Kind).ThenBy(r => r.Recipient).ToList();
}

public sealed class SqliteReminderJobTests() : ReminderJobTests(DatabaseProvider.Sqlite);

public sealed class PostgresReminderJobTests() : ReminderJobTests(DatabaseProvider.PostgreSQL);
