using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Jobs;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>
/// The Hangfire Dashboard under the admin area: an administrator sees the recurring jobs and can trigger one with the
/// antiforgery token of their session (not without); the relaxed Content-Security-Policy is the dashboard's alone; a
/// job started from the jobs page carries the administrator's id, never a name. Who else is refused: AccessMatrixTests.
/// </summary>
public abstract class JobsDashboardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : JobsAppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Dashboard_Administrator_SeesTheJobsAndTriggersOneOnlyWithTheAntiforgeryToken()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var jobsPage = await admin.GetAsync("/admin/jobs");
        var jobsHtml = await jobsPage.Content.ReadAsStringAsync();

        var recurring = await admin.GetAsync("/admin/hangfire/recurring");
        var recurringHtml = await recurring.Content.ReadAsStringAsync();
        var before = (await factory.Services.JobRunsAsync(JobNames.EmailDispatch)).Select(r => r.Id).ToHashSet();
        var withoutToken = await admin.PostAsync("/admin/hangfire/recurring/trigger", new FormUrlEncodedContent([new("jobs[]", JobNames.EmailDispatch)]));
        var withToken = await admin.PostAsync("/admin/hangfire/recurring/trigger", AppFactory.Form(jobsHtml, ("jobs[]", JobNames.EmailDispatch)));
        var run = await factory.Services.WaitForRunAsync(JobNames.EmailDispatch, before);

        Assert.Contains("data-testid=\"dashboard-link\"", jobsHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/hangfire\"", jobsHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", jobsPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.All(JobNames.All, name => Assert.Contains(name, recurringHtml, StringComparison.Ordinal));
        var policy = recurring.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.True(withToken.IsSuccessStatusCode, $"trigger with the token answered {(int)withToken.StatusCode}");
        Assert.Equal("Schedule", run.TriggeredBy);
    }

    [SkippableFact]
    public async Task RunNow_FromTheJobsPage_TheJobCarriesTheAdministratorsIdNotTheirName()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var page = await admin.GetStringAsync("/admin/jobs");
        var before = (await factory.Services.JobRunsAsync(JobNames.DraftCleanup)).Select(r => r.Id).ToHashSet();
        var jobsBefore = factory.Services.HangfireJobIds(JobNames.DraftCleanup);
        await admin.PostAsync($"/admin/jobs?handler=Run&name={JobNames.DraftCleanup}", AppFactory.Form(page));
        var run = await factory.Services.WaitForRunAsync(JobNames.DraftCleanup, before);

        // This test's own job: the first one listed as succeeded may be another test's, or not yet marked succeeded.
        var jobId = Assert.Single(factory.Services.HangfireJobIds(JobNames.DraftCleanup).Except(jobsBefore));
        var details = await admin.GetStringAsync("/admin/hangfire/jobs/details/" + jobId);
        var adminId = await AdminIdAsync();

        Assert.Equal("Manual: Dylan Hughes", run.TriggeredBy);
        Assert.Contains(JobNames.DraftCleanup, details, StringComparison.Ordinal);
        Assert.Contains(adminId.ToString(), details, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Dylan", details, StringComparison.Ordinal);
        Assert.DoesNotContain("Hughes", details, StringComparison.Ordinal);
    }

    private async Task<Guid> AdminIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Users.Where(u => u.Email == "admin@demo.example").Select(u => u.Id).SingleAsync();
    }
}

public sealed class SqliteJobsDashboardTests(SqliteJobsAppFactory factory) : JobsDashboardTests<SqliteJobsAppFactory>(factory);

public sealed class PostgresJobsDashboardTests(PostgresJobsAppFactory factory) : JobsDashboardTests<PostgresJobsAppFactory>(factory);

/// <summary>The schedules from settings: the six-field values of the Quartz days still parse; a value Cronos cannot read stops the start.</summary>
public sealed class JobScheduleSettingTests
{
    [SkippableFact]
    public async Task Schedule_QuartzSixFieldValue_IsScheduledWithinItsPeriod()
    {
        TestDatabase.Require(DatabaseProvider.Sqlite);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = new ReminderServer(database, new TestClock(), new Dictionary<string, string> { ["Reminders:Schedule"] = "0 0/15 * * * ?" });

        var next = await server.Services.GetRequiredService<IJobScheduler>().NextRunsAsync(CancellationToken.None);

        var reminders = next[JobNames.ReviewReminders];
        Assert.InRange(reminders, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(15));
        Assert.Equal(0, reminders.Minute % 15);
    }

    [SkippableFact]
    public async Task Schedule_QuartzValueWithAYear_StopsTheStartNamingTheSetting()
    {
        TestDatabase.Require(DatabaseProvider.Sqlite);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = new ReminderServer(database, new TestClock(), new Dictionary<string, string> { ["Jobs:DraftCleanupSchedule"] = "0 0 3 1 1 ? 2099" });

        var error = Assert.ThrowsAny<Exception>(() => server.Services);

        Assert.Contains("Jobs:DraftCleanupSchedule = '0 0 3 1 1 ? 2099'", error.ToString(), StringComparison.Ordinal);
    }
}
