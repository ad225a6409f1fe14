using CaseManagement.Domain.Notifications;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Reminders;

/// <summary>
/// Each step of an assessment tells the people it concerns, in the app and by e-mail (where e-mail is on); and
/// countersigning drafts goals from the recommendations the plan does not hold yet, on both databases.
/// </summary>
public abstract class AssessmentNotificationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AppFactory
{
    [SkippableFact]
    public async Task AssessmentSteps_NotifyTheManagersThenTheAuthor_AndCountersigningAddsOnlyNewGoals()
    {
        using var caseManager = await factory.SignedInAsync();
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var caseId = (await caseManager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Mine")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var id = (await (await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssessmentApiTests<TFactory>.CompleteAsync(caseManager, id);
        var planned = await GoalsAsync(caseManager, caseId);
        Assert.NotEmpty(planned);

        // Submitted: the team manager is told, in the app and by e-mail, which names no child; the author is not.
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal([(NotificationKind.AssessmentSubmitted, "teammanager@demo.example")], await NoticesAsync(id));
        var managerPage = await manager.GetStringAsync("/notifications");
        Assert.Contains("An assessment in your team was submitted on", managerPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{id}\"", managerPage, StringComparison.Ordinal);
        var mail = Assert.Single(await OutboxAsync(id));
        Assert.Equal("teammanager@demo.example", mail.To);
        Assert.Equal("Asesiad i'w gydlofnodi / Assessment to countersign", mail.Subject);
        Assert.Contains($"https://casemanagement.example/assessments/{id}", mail.Body, StringComparison.Ordinal);
        var child = (await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childName").GetString()!;
        Assert.DoesNotContain(child.Split(' ')[0], mail.Body, StringComparison.OrdinalIgnoreCase);

        // Returned: the author is told; submitted again: the managers are told again (a new step, not a repeat).
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/return", new { comments = "Say more about school." })).StatusCode);
        Assert.Contains((NotificationKind.AssessmentReturned, "casemanager@demo.example"), await NoticesAsync(id));
        Assert.Contains("An assessment you submitted was returned with comments on", await caseManager.GetStringAsync("/notifications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal(2, (await NoticesAsync(id)).Count(n => n == (NotificationKind.AssessmentSubmitted, "teammanager@demo.example")));

        // Countersigned: the author is told, and the recommendations join the plan's goals as drafts (the demo case
        // has goals already).
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/assessments/{id}/countersign", null)).StatusCode);
        Assert.Contains((NotificationKind.AssessmentCountersigned, "casemanager@demo.example"), await NoticesAsync(id));
        Assert.Equal(4, (await OutboxAsync(id)).Count);
        Assert.Equal(["Boxing club twice a week", "Bereavement support through the school"], await AddedGoalsAsync(caseManager, caseId, planned));

        // A reassessment keeps one recommendation, words the other differently in case and spacing, and adds one:
        // only the new one joins the plan.
        var secondId = (await (await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{secondId}/analysis", new { analysis = "Attendance is back to 90%.", recommendations = "Boxing club twice a week\nbereavement  support through the school\nA mentor at school" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{secondId}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/assessments/{secondId}/countersign", null)).StatusCode);
        Assert.Equal(["Boxing club twice a week", "Bereavement support through the school", "A mentor at school"], await AddedGoalsAsync(caseManager, caseId, planned));
    }

    /// <summary>The goals added after the plan's first ones, in the order they were added (the first ones, set at one moment, in any order).</summary>
    private static async Task<string[]> AddedGoalsAsync(HttpClient client, Guid caseId, string[] planned)
    {
        var goals = await GoalsAsync(client, caseId);
        Assert.Equal(planned.Order(StringComparer.Ordinal), goals.Take(planned.Length).Order(StringComparer.Ordinal));
        return goals.Skip(planned.Length).ToArray();
    }

    private static async Task<string[]> GoalsAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("description").GetString()!).ToArray();

    private async Task<List<(NotificationKind Kind, string Recipient)>> NoticesAsync(Guid assessmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.AssessmentId == assessmentId)
            .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new { n.Kind, u.Email, n.CreatedAtUtc })
            .ToListAsync();
        return rows.OrderBy(r => r.CreatedAtUtc).Select(r => (r.Kind, r.Email!)).ToList();
    }

    private async Task<List<OutgoingEmail>> OutboxAsync(Guid assessmentId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = await db.Notifications.Where(n => n.AssessmentId == assessmentId).Select(n => (Guid?)n.Id).ToListAsync();
        return await db.OutgoingEmails.AsNoTracking().Where(e => ids.Contains(e.NotificationId)).ToListAsync();
    }
}

/// <summary>The test server with e-mail on (the dispatch job stays off: e-mails wait in the outbox, where the test reads them).</summary>
public sealed class SqliteEmailAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Smtp:Host", "localhost");
        builder.UseSetting("Email:Smtp:From", "casemanagement@example.org");
        builder.UseSetting("Email:LinkBaseUrl", "https://casemanagement.example");
    }
}

/// <summary>As <see cref="SqliteEmailAppFactory"/>, on PostgreSQL.</summary>
public sealed class PostgresEmailAppFactory() : AppFactory(DatabaseProvider.PostgreSQL)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:Smtp:Host", "localhost");
        builder.UseSetting("Email:Smtp:From", "casemanagement@example.org");
        builder.UseSetting("Email:LinkBaseUrl", "https://casemanagement.example");
    }
}

public sealed class SqliteAssessmentNotificationTests(SqliteEmailAppFactory factory) : AssessmentNotificationTests<SqliteEmailAppFactory>(factory);

public sealed class PostgresAssessmentNotificationTests(PostgresEmailAppFactory factory) : AssessmentNotificationTests<PostgresEmailAppFactory>(factory);
