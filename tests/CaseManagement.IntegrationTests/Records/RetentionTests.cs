using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CaseManagement.Application.Matching;
using CaseManagement.Application.Records.Retention.Commands.ListRetentionDue;
using CaseManagement.Domain.Children;
using CaseManagement.Domain.Records;
using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.IntegrationTests.Api;
using CaseManagement.IntegrationTests.Reminders;
using CaseManagement.IntegrationTests.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Records;

/// <summary>The retention schedule (issue 20): a record past its date is destroyed once a team manager confirms it.</summary>
public abstract class RetentionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string NinetyDaysAgo = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task ClosedCasePastItsDate_DestroyedAfterConfirmation_LosesItsDetailsAndDocuments_KeepsTheFiguresAndTheChain()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        // Kept for no time at all after closure, so the case closed today is past its date.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin/retention-rules/ClosedCase", new { yearsAfter = 0, untilAge = (int?)null })).StatusCode);
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);
        var name = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childName").GetString()!;
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
        var onCase = await WorkApi.CreatedIdAsync(await manager.PostAsync("/api/v1/documents", DocumentTests<TFactory>.Form(pdf, "consent.pdf", more: [("OwnerKind", "Case"), ("OwnerId", caseId.ToString())])));
        var onChild = await WorkApi.CreatedIdAsync(await manager.PostAsync("/api/v1/documents", DocumentTests<TFactory>.Form(pdf, "school.pdf", more: [("OwnerKind", "Child"), ("OwnerId", childId.ToString())])));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Today, exitServices = Array.Empty<string>() })).StatusCode);
        var figuresBefore = await FiguresAsync(manager);

        Assert.True(await factory.Services.SendAsSystemAsync(new ListRetentionDue()) >= 1);
        var queue = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/retention");
        var review = queue.EnumerateArray().Single(r => r.GetProperty("childId").GetString() == childId.ToString());
        Assert.Equal("Due", review.GetProperty("state").GetString());
        Assert.Equal(0, await factory.Services.SendAsSystemAsync(new ListRetentionDue()));
        var destroyed = await manager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId = review.GetProperty("id").GetGuid() });

        Assert.Equal(HttpStatusCode.NoContent, destroyed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/documents/{onCase}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/documents/{onChild}/content")).StatusCode);
        Assert.DoesNotContain(childId.ToString(), (await manager.GetStringAsync("/api/v1/team/retention")), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(0, await db.DocumentContents.CountAsync());
            var child = await db.Children.AsNoTracking().SingleAsync(c => c.Id == childId);
            Assert.DoesNotContain(child.FamilyName, name, StringComparison.Ordinal);
            var family = name.Split(' ')[^1];
            var trail = await db.AuditLog.AsNoTracking().Where(e => e.ChildId == childId).Select(e => e.Changes).ToListAsync();
            Assert.DoesNotContain(trail, c => c != null && c.Contains(family, StringComparison.Ordinal));
            Assert.False(await db.Referrals.AnyAsync(r => r.ChildId == childId && r.ChildFamilyName == family));
        }

        Assert.Equal(figuresBefore, await FiguresAsync(manager));
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.ToString());
        var again = await manager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId = review.GetProperty("id").GetGuid() });
        await WorkApi.RefusedAsync(again, HttpStatusCode.UnprocessableEntity, "This record has already been destroyed.");
    }

    [SkippableFact]
    public async Task ReferralNotTakenOn_DestroyedWhileTheChildHasACase_LosesItsMatchingKeys_TheChildKeepsTheirs()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (_, childId) = await TestCases.NewCaseAsync(manager);
        Guid reviewId;
        Guid referralId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var child = await db.Children.SingleAsync(c => c.Id == childId);
            var now = DateTime.UtcNow;
            var details = new PersonDetails("Seren", child.FamilyName, null, child.DateOfBirth, child.Sex, "CF37 1DL", PreferredLanguage.English);
            var referral = Referral.Receive(new ReferralSubmission(child.TeamId, ReferralSource.Education, "Head of year", null, null, "Attendance has fallen.", ReferralUrgency.Routine, details), "R-KEYS-1", now);
            db.Referrals.Add(referral);
            referral.LinkToChild(childId, now);
            scope.ServiceProvider.GetRequiredService<ChildMatcher>().Index(referral);
            var review = RetentionReview.List(RetentionKind.ReferralNotTakenOn, referral.Id, childId, child.TeamId, DateOnly.FromDateTime(now), now);
            db.RetentionReviews.Add(review);
            await db.SaveChangesAsync();
            (reviewId, referralId) = (review.Id, referral.Id);
            Assert.True(await db.ChildMatchKeys.AnyAsync(k => k.SourceId == referralId));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId })).StatusCode);

        // The keys are hashes of the destroyed details: they go with them. The child, whose record is kept under the
        // case's rule, is still found by their own.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ChildMatchKeys.AnyAsync(k => k.SourceId == referralId));
            Assert.True(await db.ChildMatchKeys.AnyAsync(k => k.SourceId == childId));
        }
    }

    [SkippableFact]
    public async Task Destruction_ReachesTheFreeTextOfTheWork_AssessmentsPlanMeetingsAndProfessionals()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin/retention-rules/ClosedCase", new { yearsAfter = 0, untilAge = (int?)null })).StatusCode);
        var (caseId, childId) = await TestCases.NewCaseAsync(caseManager);
        var assessment = await WorkApi.CreatedIdAsync(await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null));
        await AssessmentApiTests<TFactory>.CompleteAsync(caseManager, assessment);
        await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/my-plan", new { section = "WhatIWant", text = "Mynd yn ôl i'r clwb pêl-droed" }));
        var meetings = $"/api/v1/cases/{caseId}/meetings";
        var meetingId = await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync(meetings, new
        {
            heldOn = WorkApi.Day(-1),
            kind = "Planning",
            attendees = new[] { new { name = "Siân Evans", agency = "Prevention team", role = "Case manager" } },
            childView = "I don't want to go back to that park.",
            familyView = "Mum wants more support at home.",
            decisions = new[] { new { text = "Refer to the family support team", ownerAgency = "Families First", ownerPerson = (string?)"Gwen Price", dueOn = WorkApi.Day(10) } },
        }));
        var decision = (await caseManager.GetFromJsonAsync<JsonElement>(meetings)).GetProperty("meetings")[0].GetProperty("decisions")[0].GetProperty("id").GetGuid();
        await WorkApi.CreatedIdAsync(await caseManager.PostAsync($"{meetings}/{meetingId}/decisions/{decision}/action", null));
        await WorkApi.CreatedIdAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
        {
            day = WorkApi.Day(-1), time = "10:00", lengthMinutes = 45, kind = "HomeVisit", childTookPart = true, outcome = "Attended",
            professionals = new[] { new { name = "Ffion Rees", agency = "Ysgol Gyfun" } },
            summary = "Talked about school and football.",
        }));
        string[] written = ["same older group", "grandfather died", "Loves boxing", "Dai and his mother", "trust is still being built", "fixing bikes", "To be a mechanic", "I want to stay out of trouble", "follows the bereavement",
            "Boxing club twice a week", "clwb pêl-droed", "Siân Evans", "that park", "support at home", "family support team", "Gwen Price", "Ffion Rees"];
        Assert.All(written, w => Assert.Contains(w, WorkText(childId), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Today, exitServices = Array.Empty<string>() })).StatusCode);
        var figuresBefore = await FiguresAsync(manager);
        await factory.Services.SendAsSystemAsync(new ListRetentionDue());
        var review = (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/retention")).EnumerateArray().Single(r => r.GetProperty("childId").GetString() == childId.ToString());

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId = review.GetProperty("id").GetGuid() })).StatusCode);

        var left = WorkText(childId);
        Assert.All(written, w => Assert.DoesNotContain(w, left, StringComparison.Ordinal));
        Assert.Equal(figuresBefore, await FiguresAsync(manager));
        var verified = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verified.GetProperty("isIntact").GetBoolean(), verified.ToString());
    }

    /// <summary>Every piece of free text the work with the child holds, read straight from the database, as one string.</summary>
    private string WorkText(Guid childId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var assessments = db.Assessments.AsNoTracking().Include(a => a.Areas).Include(a => a.Adversities).Where(a => a.ChildId == childId).ToList();
        var plans = db.CasePlans.AsNoTracking().Include(p => p.Items).Include(p => p.Actions).Include(p => p.Exit).Include(p => p.Versions).Where(p => p.ChildId == childId).ToList();
        var meetings = db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Decisions).Where(m => m.ChildId == childId).ToList();
        var contacts = db.Contacts.AsNoTracking().Include(c => c.Professionals).Where(c => c.ChildId == childId).ToList();
        return string.Join(
            "\n",
            Enumerable.Empty<string?>().Concat(assessments.SelectMany(a => new[] { a.ReoffendingRationale, a.SeriousHarmRationale, a.WellbeingRationale, a.Interests, a.Aspirations, a.ChildView, a.Analysis, a.Recommendations }
                .Concat(a.Areas.SelectMany(x => new[] { x.Strengths, x.Needs })).Concat(a.Adversities.SelectMany(x => new[] { x.NotAskedReason, x.Source, x.Notes }))))
                .Concat(plans.SelectMany(p => p.Items.Select(i => (string?)i.Text).Concat(p.Actions.SelectMany(a => new[] { a.What, a.OwnerPerson })).Concat(p.Versions.Select(v => v.Content))))
                .Concat(meetings.SelectMany(m => new[] { m.ChildView, m.FamilyView }.Concat(m.Attendees.Select(a => a.Name)).Concat(m.Decisions.SelectMany(d => new[] { d.Text, d.OwnerPerson }))))
                .Concat(contacts.SelectMany(c => c.Professionals.Select(p => p.Name))));
    }

    [SkippableFact]
    public async Task Hold_WithoutAReason_IsRefused_AndOnlyTeamManagersDecide()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();

        await WorkApi.RefusedAsync(await manager.PostAsJsonAsync("/api/v1/team/retention/hold", new { reviewId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "Give the reason for keeping the record.");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync("/api/v1/team/retention/hold", new { reviewId = Guid.NewGuid(), reason = "Complaint open" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsJsonAsync("/api/v1/team/retention/destroy", new { reviewId = Guid.NewGuid() })).StatusCode);
    }

    [SkippableFact]
    public async Task QueuePage_HoldWithoutAReason_ShowsTheErrorUnderThatRecordOnly()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/v1/admin/retention-rules/ClosedCase", new { yearsAfter = 0, untilAge = (int?)null })).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            var (caseId, _) = await TestCases.NewCaseAsync(manager);
            Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { reason = "NoLongerNeeded", closedOn = Today, exitServices = Array.Empty<string>() })).StatusCode);
        }

        await factory.Services.SendAsSystemAsync(new ListRetentionDue());
        var page = await manager.GetStringAsync("/team/retention");
        var ids = Regex.Matches(page, "name=\"ReviewId\" value=\"([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(ids.Count >= 2, page);
        var second = ids[1];

        var answer = await manager.PostAsync("/team/retention?handler=Hold", AppFactory.Form(page, ("ReviewId", second.ToString()), ("Reason", "")));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error:", html, StringComparison.Ordinal);
        // Each record's reason is its own field: one message, under the record posted, and the summary leads to it.
        Assert.Single(Regex.Matches(html, "class=\"govuk-error-message\""));
        Assert.Contains($"<a href=\"#Reason-{second:N}\">Give the reason for keeping the record.</a>", html, StringComparison.Ordinal);
        var message = html.IndexOf($"id=\"Reason-{second:N}-error\"", StringComparison.Ordinal);
        Assert.InRange(message, html.IndexOf($"value=\"{second}\"", StringComparison.Ordinal), html.IndexOf($"<textarea class=\"govuk-textarea govuk-textarea--error\" id=\"Reason-{second:N}\"", StringComparison.Ordinal));
        Assert.Equal(ids.Count, Regex.Matches(html, "<textarea[^>]* id=\"Reason-[0-9a-f]{32}\"").Select(m => m.Value).Distinct().Count());
    }

    /// <summary>What the team's reports count: the dashboard, the outcome figures and the number of referrals.</summary>
    private static async Task<string> FiguresAsync(HttpClient manager) =>
        string.Join(
            "\n",
            await manager.GetStringAsync("/api/v1/team/dashboard"),
            await manager.GetStringAsync($"/api/v1/team/outcomes?from={NinetyDaysAgo}&to={Today}"),
            (await manager.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32());
}

public sealed class SqliteRetentionTests(SqliteAppFactory factory) : RetentionTests<SqliteAppFactory>(factory);

public sealed class PostgresRetentionTests(PostgresAppFactory factory) : RetentionTests<PostgresAppFactory>(factory);
