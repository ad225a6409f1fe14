using System.Text.RegularExpressions;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>
/// The team's figures of the work (issue 17, point 7) checked against the rows they count: interventions by kind and
/// provider, started, completed and stopped in the period, and onward referrals waiting with their median wait; each
/// figure's list holds exactly the rows it counts.
/// </summary>
public abstract class TeamWorkFiguresTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task TeamWork_CountsTheRows_AndEachFigureListsThem()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (mentoring, agency) = await SeedWorkAsync(today);
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var period = $"from={today.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";

        var work = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work?{period}");
        var rows = work.GetProperty("interventions").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        var byAgency = Assert.Single(rows, r => r.GetProperty("providerAgencyId").ValueKind != JsonValueKind.Null);
        Assert.Equal(mentoring, byAgency.GetProperty("kindId").GetGuid());
        Assert.Equal((2, 1, 0), (byAgency.GetProperty("started").GetInt32(), byAgency.GetProperty("completed").GetInt32(), byAgency.GetProperty("stopped").GetInt32()));
        var byName = Assert.Single(rows, r => r.GetProperty("provider").GetString() == "Rhondda Boxing Club");
        Assert.Equal((0, 0, 1), (byName.GetProperty("started").GetInt32(), byName.GetProperty("completed").GetInt32(), byName.GetProperty("stopped").GetInt32()));

        // Each figure's list holds the rows it counts.
        foreach (var (measure, filter, expected) in new[]
        {
            ("Started", $"providerAgencyId={agency}", 2), ("Completed", $"providerAgencyId={agency}", 1), ("Stopped", $"providerAgencyId={agency}", 0),
            ("Started", "provider=Rhondda%20Boxing%20Club", 0), ("Stopped", "provider=Rhondda%20Boxing%20Club", 1),
        })
        {
            var list = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work/interventions?measure={measure}&kindId={mentoring}&{filter}&{period}");
            Assert.True(expected == list.GetProperty("totalCount").GetInt32(), $"{measure} {filter}: {list}");
        }

        // Waiting: two for emotional health (30 and 10 days: median 20), one for speech and language (6 days); the
        // declined and the seen ones are not waiting. All three: median 10.
        var onward = work.GetProperty("onwardWaiting").EnumerateArray().ToDictionary(o => o.GetProperty("service").GetString()!);
        Assert.Equal(["EmotionalHealth", "SpeechAndLanguage"], onward.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((2, 20.0, 30), (onward["EmotionalHealth"].GetProperty("waiting").GetInt32(), onward["EmotionalHealth"].GetProperty("medianDaysWaiting").GetDouble(), onward["EmotionalHealth"].GetProperty("longestDaysWaiting").GetInt32()));
        Assert.Equal((1, 6.0), (onward["SpeechAndLanguage"].GetProperty("waiting").GetInt32(), onward["SpeechAndLanguage"].GetProperty("medianDaysWaiting").GetDouble()));
        Assert.Equal(3, work.GetProperty("onwardWaitingTotal").GetInt32());
        Assert.Equal(10.0, work.GetProperty("onwardMedianDaysWaiting").GetDouble());
        var waiting = await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/work/onward-referrals?service=EmotionalHealth");
        Assert.Equal([30, 10], waiting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("daysWaited").GetInt32()));
        Assert.Equal(3, (await manager.GetFromJsonAsync<JsonElement>("/api/v1/team/work/onward-referrals")).GetProperty("totalCount").GetInt32());

        // The page shows the same figures, linked to the lists, and each list downloads as CSV.
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync("/team/work"));
        Assert.Contains("onward referrals waiting, median wait 10 days", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/team/work/onward-referrals?service=EmotionalHealth&{period}\"", page, StringComparison.Ordinal);
        Assert.Contains($"/team/work/interventions?measure=Started&kind={mentoring}&providerAgency={agency}", page, StringComparison.Ordinal);
        var csv = (await manager.GetStringAsync($"/team/work/interventions?measure=Started&kind={mentoring}&providerAgency={agency}&handler=Csv")).Trim().Split('\n');
        Assert.Equal(3, csv.Length);
        var onwardCsv = (await manager.GetStringAsync("/team/work/onward-referrals?service=EmotionalHealth&handler=Csv")).Trim().Split('\n');
        Assert.Equal(3, onwardCsv.Length);
        Assert.EndsWith(",30", onwardCsv[1].Trim(), StringComparison.Ordinal);

        using var caseManager = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/api/v1/team/work?{period}")).StatusCode);
        var backwards = await manager.GetAsync($"/api/v1/team/work?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("The end of the period must be on or after its start.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TeamWorkPages_PeriodEndingBeforeItStarts_TheRuleInTheErrorSummaryNotAFailure()
    {
        // An address edited by hand (or a bookmark with the dates the wrong way round): the page says what is wrong, in
        // the reader's language, as the API's 400 does; before, every one of these pages and downloads answered 500.
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        const string backwards = "from=2026-03-01&to=2026-02-01";
        string[] addresses =
        [
            $"/team/work?{backwards}",
            $"/team/work?{backwards}&handler=InterventionsCsv",
            $"/team/work/contacts?outcome=DidNotAttend&{backwards}",
            $"/team/work/contacts?outcome=DidNotAttend&{backwards}&handler=Csv",
            $"/team/work/interventions?measure=Started&{backwards}",
            $"/team/work/interventions?measure=Started&{backwards}&handler=Csv",
        ];

        foreach (var address in addresses)
        {
            var response = await manager.GetAsync(address);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
            Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);
            Assert.Contains("There is a problem", page, StringComparison.Ordinal);
            Assert.Contains("<a href=\"#period\">The end of the period must be on or after its start.</a>", page, StringComparison.Ordinal);
            Assert.Contains("id=\"period\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"item-count\"", page, StringComparison.Ordinal);
        }

        await manager.GetAsync("/language/cy-GB?returnUrl=/team/work");
        var welsh = WebUtility.HtmlDecode(await manager.GetStringAsync($"/team/work/contacts?outcome=DidNotAttend&{backwards}"));
        Assert.Contains("Rhaid i ddiwedd y cyfnod fod ar neu ar ôl ei ddechrau.", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TeamWorkLists_BackLink_ReturnsToThePeriodChosen()
    {
        // A manager who chose last spring on the team's work page, opened a figure and pressed Back was shown the last
        // twelve months instead.
        await SeedWorkAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        const string period = "from=2026-03-01&to=2026-05-31";
        var work = WebUtility.HtmlDecode(await manager.GetStringAsync($"/team/work?{period}"));
        Assert.Contains($"href=\"/team/work/onward-referrals?{period}\"", work, StringComparison.Ordinal);

        foreach (var list in new[] { $"/team/work/contacts?outcome=DidNotAttend&{period}", $"/team/work/interventions?measure=Started&{period}", $"/team/work/onward-referrals?{period}", $"/team/work/onward-referrals?service=EmotionalHealth&{period}" })
        {
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync(list));
            Assert.Contains($"<a href=\"/team/work?{period}\" class=\"govuk-back-link\"", page, StringComparison.Ordinal);
        }

        // Opened from the page with no period chosen, Back returns to it as it was.
        var plain = WebUtility.HtmlDecode(await manager.GetStringAsync("/team/work/onward-referrals"));
        Assert.Contains("<a href=\"/team/work\" class=\"govuk-back-link\"", plain, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OnwardReferralsList_ServiceItDoesNotKnow_SaysSoAtTheFieldNotEveryService()
    {
        await SeedWorkAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var every = Regex.Count(await manager.GetStringAsync("/team/work/onward-referrals"), "data-testid=\"onward-item\"");
        Assert.True(every >= 3, $"{every} waiting");

        foreach (var address in new[] { "/team/work/onward-referrals?service=nonsense", "/team/work/onward-referrals?service=nonsense&handler=Csv" })
        {
            var page = await RefusedPages.SaidAtTheFieldAsync(manager, address, "service", "Choose one of the services.");
            Assert.DoesNotContain("data-testid=\"onward-item\"", page, StringComparison.Ordinal);
        }

        // A service it knows, written in any case, is chosen in the field.
        var chosen = await manager.GetStringAsync("/team/work/onward-referrals?service=speechandlanguage");
        var speech = Regex.Count(chosen, "data-testid=\"onward-item\"");
        Assert.True(speech >= 1 && speech < every, $"{speech} of {every}");
        Assert.Contains("<option value=\"SpeechAndLanguage\" selected=\"selected\">", chosen, StringComparison.Ordinal);

        var api = await manager.GetAsync("/api/v1/team/work/onward-referrals?service=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True((await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("service", out _));

        await manager.GetAsync("/language/cy-GB?returnUrl=/team/work");
        var welsh = WebUtility.HtmlDecode(await manager.GetStringAsync("/team/work/onward-referrals?service=nonsense"));
        Assert.Contains("<a href=\"#service\">Dewiswch un o'r gwasanaethau.</a>", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ContactsAndInterventionsLists_FigureTheyDoNotKnow_SaysSoAtTheFieldNotTheDefaultList()
    {
        // Decision 0118: "?outcome=nonsense" was read as "did not attend" and "?measure=nonsense" as "started", quietly.
        await SeedWorkAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        const string period = "from=2025-01-01&to=2027-12-31";
        var started = Regex.Count(await manager.GetStringAsync($"/team/work/interventions?measure=Started&{period}"), "data-testid=\"intervention-item\"");
        Assert.True(started >= 2, $"{started} started");

        foreach (var (address, field, message) in new[]
        {
            ($"/team/work/contacts?outcome=nonsense&{period}", "outcome", "Choose attended or did not attend."),
            ($"/team/work/contacts?outcome=nonsense&{period}&handler=Csv", "outcome", "Choose attended or did not attend."),
            ($"/team/work/contacts?outcome=Planned&{period}", "outcome", "Choose attended or did not attend."),
            ($"/team/work/contacts?outcome=2&{period}", "outcome", "Choose attended or did not attend."),
            ($"/team/work/interventions?measure=nonsense&{period}", "measure", "Choose started, completed or stopped."),
            ($"/team/work/interventions?measure=nonsense&{period}&handler=Csv", "measure", "Choose started, completed or stopped."),
            ($"/team/work/interventions?measure=7&{period}", "measure", "Choose started, completed or stopped."),
        })
        {
            var page = await RefusedPages.SaidAtTheFieldAsync(manager, address, field, message);
            Assert.Single(Regex.Matches(page, Regex.Escape(message) + "</p>"));
            Assert.DoesNotContain("data-testid=\"item-count\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"contact-item\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"intervention-item\"", page, StringComparison.Ordinal);
        }

        // A figure it knows, written in any case, is chosen in the field and listed; the field keeps the other filters.
        var completed = WebUtility.HtmlDecode(await manager.GetStringAsync($"/team/work/interventions?measure=completed&{period}"));
        Assert.Contains("<option value=\"Completed\" selected=\"selected\">", completed, StringComparison.Ordinal);
        Assert.Contains("<h1 class=\"govuk-heading-l\" data-testid=\"page-heading\">Interventions completed</h1>", completed, StringComparison.Ordinal);
        Assert.InRange(Regex.Count(completed, "data-testid=\"intervention-item\""), 1, started - 1);
        var attended = WebUtility.HtmlDecode(await manager.GetStringAsync($"/team/work/contacts?outcome=attended&{period}"));
        Assert.Contains("<option value=\"Attended\" selected=\"selected\">", attended, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"from\" value=\"2025-01-01\" />", attended, StringComparison.Ordinal);

        // The API answers 400 with the field's problem, as it does for a service it does not know.
        foreach (var (address, field) in new[]
        {
            ($"/api/v1/team/work/contacts?outcome=nonsense&{period}", "outcome"),
            ($"/api/v1/team/work/contacts?outcome=Planned&{period}", "Outcome"),
            ($"/api/v1/team/work/interventions?measure=nonsense&{period}", "measure"),
            ($"/api/v1/team/work/interventions?measure=7&{period}", "Measure"),
        })
        {
            var api = await manager.GetAsync(address);
            Assert.True(api.StatusCode == HttpStatusCode.BadRequest, $"{address}: {(int)api.StatusCode}");
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)), $"{address}: {errors}");
        }

        var welshContacts = await Welsh.PageAsync(manager, $"/team/work/contacts?outcome=nonsense&{period}");
        var welshInterventions = await Welsh.PageAsync(manager, $"/team/work/interventions?measure=nonsense&{period}");
        Assert.Contains("<a href=\"#outcome\">Dewiswch wedi mynychu neu heb fynychu.</a>", welshContacts, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#measure\">Dewiswch wedi dechrau, wedi'u cwblhau neu wedi'u stopio.</a>", welshInterventions, StringComparison.Ordinal);
        Assert.Contains("Beth ddigwyddodd yn y cyfnod", welshInterventions, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TeamWorkLists_AddressValueWithNoFieldOnThePage_ErrorSummaryShownAndLinksOnlyToFields()
    {
        // A value in the address that the list cannot read empties the list: the page now says why, and a message with
        // no field on the page to correct it is not a link to an element that does not exist.
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        string[] addresses =
        [
            "/team/work/onward-referrals?page=abc",
            "/team/work/contacts?outcome=DidNotAttend&manager=xyz",
            "/team/work/interventions?measure=Started&kind=xyz",
        ];

        foreach (var address in addresses)
        {
            var page = WebUtility.HtmlDecode(await manager.GetStringAsync(address));
            Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"error-summary\"", page, StringComparison.Ordinal);
            Assert.Matches("<li>The value '(abc|xyz)' is not valid", page);
            foreach (Match link in Regex.Matches(page, "<a href=\"#([^\"]+)\">"))
            {
                Assert.Contains($"id=\"{link.Groups[1].Value}\"", page, StringComparison.Ordinal);
            }
        }

        // MVC's own message for a value it cannot read is in the reader's language too.
        await manager.GetAsync("/language/cy-GB?returnUrl=/team/work");
        var welsh = WebUtility.HtmlDecode(await manager.GetStringAsync("/team/work/onward-referrals?page=abc"));
        await manager.GetAsync("/language/en-GB?returnUrl=/team/work");
        Assert.Contains("<li>Nid yw'r gwerth 'abc' yn ddilys", welsh, StringComparison.Ordinal);

        // A date the period cannot read still leads to the period, whatever the case of its key.
        var wrongDate = WebUtility.HtmlDecode(await manager.GetStringAsync("/team/work/contacts?outcome=DidNotAttend&from=2026-02-30&to=2026-03-01"));
        Assert.Contains("<a href=\"#period\">", wrongDate, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Attendance_CountsTheContactsTheChildWasExpectedAt_PerCaseManagerAndTeam()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync("practitioner@demo.example");
        var caseId = Assert.Single((await manager.GetFromJsonAsync<JsonElement>("/api/v1/cases?filter=Open")).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        foreach (var (who, daysAgo, outcome) in new[] { (caseManager, 9, "Attended"), (caseManager, 7, "DidNotAttend"), (police, 6, "Attended"), (caseManager, 4, "Cancelled"), (police, 3, "DidNotAttend"), (caseManager, 2, "Attended") })
        {
            var recorded = await who.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new
            {
                day = today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                time = "10:00", lengthMinutes = 30, kind = "Office", childTookPart = true, summary = "Met at the office.", outcome,
                cancelledBy = outcome == "Cancelled" ? "ParentOrCarer" : null, cancelReason = outcome == "Cancelled" ? "Unwell." : null,
            });
            Assert.True(recorded.StatusCode == HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        }

        // Three attended and two missed (the cancelled one is not counted): 40% for Siân's cases and for the team.
        var period = $"from={today.AddDays(-30):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var work = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work?{period}");
        var sian = Assert.Single(work.GetProperty("attendance").EnumerateArray());
        Assert.Equal("Siân Evans", sian.GetProperty("name").GetString());
        Assert.Equal((3, 2, 40.0), (sian.GetProperty("attended").GetInt32(), sian.GetProperty("didNotAttend").GetInt32(), sian.GetProperty("didNotAttendPercent").GetDouble()));
        Assert.Equal(40.0, work.GetProperty("teamAttendance").GetProperty("didNotAttendPercent").GetDouble());
        var manager1 = sian.GetProperty("caseManagerUserId").GetGuid();
        var missed = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work/contacts?outcome=DidNotAttend&caseManagerUserId={manager1}&{period}");
        Assert.Equal([today.AddDays(-3), today.AddDays(-7)], missed.GetProperty("items").EnumerateArray().Select(c => DateOnly.FromDateTime(c.GetProperty("startsAtUtc").GetDateTime())));
        Assert.Equal(3, (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/team/work/contacts?outcome=Attended&{period}")).GetProperty("totalCount").GetInt32());

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/team/work?{period}"));
        Assert.Contains("of the team's contacts missed: 2 of 5 the child was expected at", page, StringComparison.Ordinal);
        Assert.Contains($"/team/work/contacts?outcome=DidNotAttend&manager={manager1}&{period}", page, StringComparison.Ordinal);
        var csv = (await manager.GetStringAsync($"/team/work/contacts?outcome=DidNotAttend&manager={manager1}&{period}&handler=Csv")).Trim().Split('\n');
        Assert.Equal(3, csv.Length);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync($"/api/v1/team/work/contacts?outcome=Cancelled&{period}")).StatusCode);
    }

    /// <summary>Interventions and onward referrals on the demo team's open case, through the domain's own methods.</summary>
    private async Task<(Guid Mentoring, Guid Agency)> SeedWorkAsync(DateOnly today)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var work = await db.Cases.SingleAsync(c => c.Status == CaseStatus.Open);
        var kinds = await db.InterventionKinds.Where(k => k.TeamId == work.TeamId).OrderBy(k => k.SortOrder).ToListAsync();
        var (mentoring, sport) = (kinds[0], kinds[1]);
        var agency = await db.Agencies.Select(a => a.Id).FirstAsync();

        var completed = Intervention.Offer(work, mentoring, new InterventionPlan(agency, null, null, null, [], []), [], now, null);
        completed.Start(work, today.AddDays(-10), now, null);
        completed.Complete(work, today.AddDays(-2), now, null);
        var started = Intervention.Offer(work, mentoring, new InterventionPlan(agency, null, null, null, [], []), [], now, null);
        started.Start(work, today.AddDays(-5), now, null);
        var stopped = Intervention.Offer(work, mentoring, new InterventionPlan(null, "Rhondda Boxing Club", null, null, [], []), [], now, null);
        stopped.Start(work, today.AddDays(-400), now, null);
        stopped.Stop(work, today.AddDays(-3), "Moved away.", now, null);
        var planned = Intervention.Offer(work, sport, new InterventionPlan(null, "Rhondda Boxing Club", null, null, [], []), [], now, null);
        db.Interventions.AddRange(completed, started, stopped, planned);

        var accepted = OnwardReferral.Refer(work, OnwardService.EmotionalHealth, "CAMHS Cwm Taf", today.AddDays(-30), null, now, null);
        accepted.Accept(work, today.AddDays(-10), now, null);
        var asked = OnwardReferral.Refer(work, OnwardService.EmotionalHealth, null, today.AddDays(-10), null, now, null);
        var declined = OnwardReferral.Refer(work, OnwardService.SubstanceUse, null, today.AddDays(-20), null, now, null);
        declined.Decline(work, today.AddDays(-15), "Not the right service.", now, null);
        var seen = OnwardReferral.Refer(work, OnwardService.SpeechAndLanguage, null, today.AddDays(-40), null, now, null);
        seen.Accept(work, today.AddDays(-20), now, null);
        seen.RecordFirstAppointment(work, today.AddDays(-5), now, null);
        var recent = OnwardReferral.Refer(work, OnwardService.SpeechAndLanguage, null, today.AddDays(-6), null, now, null);
        db.OnwardReferrals.AddRange(accepted, asked, declined, seen, recent);
        await db.SaveChangesAsync();
        return (mentoring.Id, agency);
    }
}

public sealed class SqliteTeamWorkFiguresTests(SqliteAppFactory factory) : TeamWorkFiguresTests<SqliteAppFactory>(factory);

public sealed class PostgresTeamWorkFiguresTests(PostgresAppFactory factory) : TeamWorkFiguresTests<PostgresAppFactory>(factory);

public sealed class SqlServerTeamWorkFiguresTests(SqlServerAppFactory factory) : TeamWorkFiguresTests<SqlServerAppFactory>(factory);
