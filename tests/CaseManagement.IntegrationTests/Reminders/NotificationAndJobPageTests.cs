using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CaseManagement.Application.Jobs;
using CaseManagement.Application.Reminders;
using CaseManagement.Application.Reminders.Commands.SendReviewReminders;
using CaseManagement.Domain.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>The app with its scheduler on and a clock the test moves, for the notifications and jobs pages.</summary>
public abstract class JobsAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Reminders:Schedule", ReminderServer.Never);
        builder.UseSetting("Email:DispatchSchedule", ReminderServer.Never);
        builder.UseSetting("Jobs:DraftCleanupSchedule", ReminderServer.Never);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteJobsAppFactory() : JobsAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresJobsAppFactory() : JobsAppFactory(DatabaseProvider.PostgreSQL);

/// <summary>What a person sees: the unread count in the header, the notifications page and API, the jobs page and API.</summary>
public abstract partial class NotificationAndJobPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : JobsAppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Notifications_CaseManager_SeesTheUnreadCountAndMarksThemRead()
    {
        using var teamManager = await factory.SignedInAsync(ReminderActions.TeamManagerEmail);
        using var client = await factory.SignedInAsync();
        var today = factory.Clock.Today;
        var soon = await factory.Services.AddCaseAsync(today.AddDays(6));
        var late = await factory.Services.AddCaseAsync(today.AddDays(-1));
        await factory.Services.SendAsSystemAsync(new SendReviewReminders());
        var unread = await UnreadAsync(client);
        Assert.True(unread >= 2, $"expected at least the two new reminders unread, found {unread}");

        var home = await client.GetStringAsync("/");
        var page = await client.GetStringAsync("/notifications");

        Assert.Matches($"data-testid=\"unread-count\"><span class=\"govuk-visually-hidden\">, </span>{unread}<", home);
        Assert.Equal(unread, Rows(page, read: false));
        Assert.Contains($"href=\"/cases/{soon}\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cases/{late}\"", page, StringComparison.Ordinal);
        Assert.Contains("Open the case of Eirlys Remindertest", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/cases/{soon}")).StatusCode);

        // Mark the first one read, as the button does.
        var id = MarkReadAction().Match(page).Groups[1].Value;
        var marked = await client.PostAsync($"/notifications?handler=Read&id={id}", AppFactory.Form(page));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        var after = await client.GetStringAsync("/notifications");
        Assert.Equal(unread - 1, Rows(after, read: false));
        Assert.Equal(1, Rows(after, read: true));
        Assert.Equal(unread - 1, await UnreadAsync(client));

        // Someone else's notification is not theirs to mark, nor to see.
        var token = await factory.AccessTokenAsync(ReminderActions.TeamManagerEmail);
        using var api = factory.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var notFound = await api.PostAsync($"/api/v1/notifications/{MarkReadAction().Match(after).Groups[1].Value}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        // "Mark all as read" empties the count, and the header no longer shows one.
        var all = await client.PostAsync("/notifications?handler=ReadAll", AppFactory.Form(after));
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await UnreadAsync(client));
        Assert.DoesNotContain("data-testid=\"unread-count\"", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NotificationsApi_ListsTheCallersOwnAndMarksOneRead()
    {
        await factory.SignedInAsync(ReminderActions.TeamManagerEmail);
        var today = factory.Clock.Today;
        var escalated = await factory.Services.AddCaseAsync(today.AddDays(-20));
        await factory.Services.SendAsSystemAsync(new SendReviewReminders());
        using var api = factory.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.AccessTokenAsync(ReminderActions.TeamManagerEmail));

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications?unreadOnly=true");
        var item = list.GetProperty("page").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseId").GetGuid() == escalated);
        var unread = list.GetProperty("unreadCount").GetInt32();
        var read = await api.PostAsync($"/api/v1/notifications/{item.GetProperty("id").GetGuid()}/read", null);
        var again = await api.GetFromJsonAsync<JsonElement>("/api/v1/notifications");

        Assert.Equal("ReviewEscalation", item.GetProperty("kind").GetString());
        Assert.Equal(today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), item.GetProperty("reviewDue").GetString());
        Assert.False(item.GetProperty("isRead").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(unread - 1, again.GetProperty("unreadCount").GetInt32());
        Assert.True(again.GetProperty("page").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("caseId").GetGuid() == escalated).GetProperty("isRead").GetBoolean());
    }

    [SkippableFact]
    public async Task JobsPage_Administrator_SeesEachJobAndRunsOneNow()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var page = await admin.GetStringAsync("/admin/jobs");
        Assert.Equal(JobNames.All.Count + 2, JobCards().Count(page));
        Assert.Equal(JobNames.All.Count, Regex.Count(page, "data-testid=\"run-now\""));
        Assert.DoesNotContain("data-testid=\"scheduler-off\"", page, StringComparison.Ordinal);
        Assert.Contains("Review reminders", page, StringComparison.Ordinal);

        var before = (await factory.Services.JobRunsAsync(JobNames.DraftCleanup)).Select(r => r.Id).ToHashSet();
        var started = await admin.PostAsync($"/admin/jobs?handler=Run&name={JobNames.DraftCleanup}", AppFactory.Form(page));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("started=referral-draft-cleanup", started.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"job-started-banner\"", await admin.GetStringAsync(started.Headers.Location), StringComparison.Ordinal);
        var run = await factory.Services.WaitForRunAsync(JobNames.DraftCleanup, before);

        var after = await admin.GetStringAsync("/admin/jobs");
        var card = after[after.IndexOf($"data-job=\"{JobNames.DraftCleanup}\"", StringComparison.Ordinal)..];
        card = card[..card.IndexOf("data-testid=\"failures\"", StringComparison.Ordinal)];
        Assert.Contains("Succeeded", card, StringComparison.Ordinal);
        Assert.Contains(JobSummary.Read(run.Summary)!.ToString(), card, StringComparison.Ordinal);
        Assert.Contains("Manual: Dylan Hughes", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task JobsPage_TheReKeyingJob_ShownWithTheChildrenWaiting_InEnglishAndWelsh()
    {
        // A child whose keys are gone waits for the match-keys job (decision 0078); the card counts them, and has no
        // "Run now" or next run, as the job runs when a start-up finds children waiting (decision 0083).
        using var admin = await factory.SignedInAsync("admin@demo.example");

        // Settle first: the job asked for at start-up may still be keying children the fixture's seeding left waiting,
        // so the count read before would race with it.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseManagement.Application.Matching.ChildMatcher>().RekeyAsync(CancellationToken.None);
        }

        var before = Waiting(await admin.GetStringAsync("/admin/jobs"));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CaseManagement.Infrastructure.Persistence.AppDbContext>();
            var child = await db.ChildMatchKeys.Where(k => k.SourceId == k.ChildId).OrderBy(k => k.ChildId).Select(k => k.ChildId).FirstAsync();
            await db.ChildMatchKeys.Where(k => k.SourceId == child).ExecuteDeleteAsync();
        }

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));
        var card = page[page.IndexOf($"data-job=\"{JobNames.MatchKeys}\"", StringComparison.Ordinal)..];
        Assert.Equal(before + 1, Waiting(page));
        Assert.Contains("Re-keying children for matching", card, StringComparison.Ordinal);
        Assert.Contains("Children waiting for today's matching keys", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"run-now\"", card, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"next-run\"", card, StringComparison.Ordinal);
        await admin.GetAsync("/language/cy-GB?returnUrl=%2F");
        var welsh = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));
        await admin.GetAsync("/language/en-GB?returnUrl=%2F");
        Assert.Contains("Rhoi allweddi paru newydd i blant", welsh, StringComparison.Ordinal);
        Assert.Contains("Plant sy'n aros am allweddi paru heddiw", welsh, StringComparison.Ordinal);

        // Put back, for the tests that share this database.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CaseManagement.Application.Matching.ChildMatcher>().RekeyAsync(CancellationToken.None);
        }

        Assert.Equal(before, Waiting(await admin.GetStringAsync("/admin/jobs")));

        static int Waiting(string page) =>
            int.Parse(ChildrenWaiting().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableFact]
    public async Task JobsPage_InWelsh_ShowsEveryRunsSummaryAndStarterInWelsh()
    {
        // Every job run once, each summary stored as words and numbers; and one run recorded as an English sentence,
        // as runs were before (docs/decisions/0089), which must read in Welsh too.
        using var admin = await factory.SignedInAsync("admin@demo.example");
        string[] names = [.. JobNames.All, JobNames.MatchingWeights, JobNames.MatchKeys];
        foreach (var name in names)
        {
            Assert.Equal(JobOutcome.Succeeded, (await factory.Services.RunJobAsync(name)).Outcome);
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var old = new JobRun(JobNames.DraftCleanup, "Manual: Dylan Hughes", "old-server", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
            old.Succeeded(old.StartedAtUtc.AddSeconds(1), "3 unfinished drafts deleted");
            db.JobRuns.Add(old);
            await db.SaveChangesAsync();
        }

        var (english, welsh, welshApi) = await JobsInBothLanguagesAsync(admin);

        // Each card's last run and every recent run has a summary; in English each is one of the jobs' sentences, in
        // Welsh none is (an English sentence is read back into its numbers, a Welsh one is not).
        Assert.Equal(names.Length, JobCards().Count(welsh));
        Assert.Contains("data-job=\"matching-weights\"", welsh, StringComparison.Ordinal);
        Assert.Contains("Ail-amcangyfrif y pwysau paru", welsh, StringComparison.Ordinal);
        // A run still going has no summary yet, and a failed one (an earlier test's) shows its error: neither is a summary.
        var englishSummaries = Summaries().Matches(english).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
        var welshSummaries = Summaries().Matches(welsh).Select(m => m.Groups[1].Value.Trim()).Where(s => s.Length > 0).ToList();
        var ours = englishSummaries.Count(s => JobSummary.Texts.Contains(JobSummary.Read(s)!.Text));
        Assert.True(ours >= 2 * names.Length - 1, $"expected a last run and a recent run on each card, found {ours} summaries");
        Assert.All(welshSummaries, s => Assert.DoesNotContain(JobSummary.Read(s)!.Text, JobSummary.Texts));
        Assert.Contains("Drafftiau anorffenedig wedi'u dileu: 3", welsh, StringComparison.Ordinal);
        Assert.Contains("Â llaw: Dylan Hughes", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("Manual", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain(">Schedule<", welsh, StringComparison.Ordinal);

        // The API answers a client that asks for Welsh in Welsh, as its problems do.
        var cleanup = welshApi.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == JobNames.DraftCleanup);
        Assert.StartsWith("Drafftiau anorffenedig wedi'u dileu: ", cleanup.GetProperty("lastRun").GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(JobNames.MatchingWeights, welshApi.GetProperty("matchingWeights").GetProperty("name").GetString());
    }

    /// <summary>The jobs page in English and in Welsh, and the jobs API asked for Welsh.</summary>
    private async Task<(string English, string Welsh, JsonElement WelshApi)> JobsInBothLanguagesAsync(HttpClient admin)
    {
        var english = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));
        await admin.GetAsync("/language/cy-GB?returnUrl=%2F");
        var welsh = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));
        await admin.GetAsync("/language/en-GB?returnUrl=%2F");
        using var api = factory.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.AccessTokenAsync("admin@demo.example"));
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("cy");
        return (english, welsh, await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs"));
    }

    [SkippableFact]
    public async Task JobsPage_FailedRuns_SayTheKindInTheReadersLanguage_NeverTheExceptionsWords()
    {
        // Decision 0095: a failure is stored as its kind; one stored before as "Type: message" is read by its type.
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var recorder = factory.Services.GetRequiredService<CaseManagement.Infrastructure.Jobs.JobRunRecorder>();
        var failed = await recorder.StartedAsync(JobNames.DraftCleanup, CaseManagement.Infrastructure.Jobs.JobRunRecorder.Schedule, null, "test-server", CancellationToken.None);
        await recorder.FailedAsync(failed, new InvalidOperationException("Sending failed for Megan Evans.", new TimeoutException("Megan Evans")));
        Guid old;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var run = new JobRun(JobNames.RetentionReview, CaseManagement.Infrastructure.Jobs.JobRunRecorder.Schedule, "old-server", factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(1));
            run.Failed(run.StartedAtUtc.AddSeconds(1), "PostgresException: 23505: duplicate key value, Key (name)=(Megan Evans) already exists.");
            db.JobRuns.Add(run);
            await db.SaveChangesAsync();
            old = run.Id;
        }

        var (english, welsh, welshApi) = await JobsInBothLanguagesAsync(admin);

        Assert.Equal(nameof(JobFailureKind.Timeout), (await factory.Services.JobRunsAsync(JobNames.DraftCleanup)).Single(r => r.Id == failed).Error);
        Assert.Contains($"Failed: something it waited for took too long. The application log has the exception's types and where it happened, under run {failed}.", english, StringComparison.Ordinal);
        Assert.Contains($"Failed: the database could not be reached or refused the work. The application log has the exception's types and where it happened, under run {old}.", english, StringComparison.Ordinal);
        Assert.Contains($"Wedi methu: cymerodd rywbeth yr oedd yn aros amdano ormod o amser. Mae mathau'r eithriad a ble digwyddodd yng nghofnod y rhaglen, o dan rediad {failed}.", welsh, StringComparison.Ordinal);
        foreach (var page in new[] { english, welsh })
        {
            Assert.DoesNotContain("Megan", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        }

        var retention = welshApi.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == JobNames.RetentionReview).GetProperty("lastRun");
        Assert.Equal("Database", retention.GetProperty("failureKind").GetString());
        Assert.StartsWith("Wedi methu: nid oedd modd cyrraedd y gronfa ddata", retention.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task JobsApi_AdministratorListsAndRuns_OthersAreRefused()
    {
        await factory.SignedInAsync("admin@demo.example");
        using var api = factory.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.AccessTokenAsync("admin@demo.example"));
        using var caseManager = factory.Anonymous();
        caseManager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.AccessTokenAsync(ReminderActions.CaseManagerEmail));

        var overview = await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");
        var before = (await factory.Services.JobRunsAsync(JobNames.ReviewReminders)).Select(r => r.Id).ToHashSet();
        var run = await api.PostAsync($"/api/v1/admin/jobs/{JobNames.ReviewReminders}/run", null);
        var finished = await factory.Services.WaitForRunAsync(JobNames.ReviewReminders, before);
        var unknown = await api.PostAsync("/api/v1/admin/jobs/no-such-job/run", null);
        var refused = await caseManager.PostAsync($"/api/v1/admin/jobs/{JobNames.ReviewReminders}/run", null);
        var refusedList = await caseManager.GetAsync("/api/v1/admin/jobs");
        var later = await api.GetFromJsonAsync<JsonElement>("/api/v1/admin/jobs");

        Assert.True(overview.GetProperty("schedulerRunning").GetBoolean());
        Assert.Equal(JobNames.All, overview.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("name").GetString()!));
        Assert.All(overview.GetProperty("jobs").EnumerateArray(), j => Assert.Equal(JsonValueKind.String, j.GetProperty("nextRunUtc").ValueKind));
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedList.StatusCode);
        var reminders = later.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("name").GetString() == JobNames.ReviewReminders);
        Assert.Equal(finished.Id, reminders.GetProperty("lastRun").GetProperty("id").GetGuid());
        Assert.Equal("Succeeded", reminders.GetProperty("lastRun").GetProperty("outcome").GetString());
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications")).GetProperty("unreadCount").GetInt32();

    private static int Rows(string page, bool read) =>
        Regex.Count(page, $"data-testid=\"notification\" data-read=\"{(read ? "true" : "false")}\"");

    [GeneratedRegex("action=\"/notifications\\?handler=Read&amp;id=([0-9a-f-]{36})")]
    private static partial Regex MarkReadAction();

    [GeneratedRegex("data-testid=\"job\" data-job=")]
    private static partial Regex JobCards();

    [GeneratedRegex("data-testid=\"(?:run-)?summary\">([^<]*)<")]
    private static partial Regex Summaries();

    [GeneratedRegex("data-testid=\"children-waiting\">\\s*(\\d+)")]
    private static partial Regex ChildrenWaiting();
}

public sealed class SqliteNotificationAndJobPageTests(SqliteJobsAppFactory factory) : NotificationAndJobPageTests<SqliteJobsAppFactory>(factory);

public sealed class PostgresNotificationAndJobPageTests(PostgresJobsAppFactory factory) : NotificationAndJobPageTests<PostgresJobsAppFactory>(factory);
