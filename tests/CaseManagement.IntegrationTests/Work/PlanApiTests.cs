using System.Globalization;
using CaseManagement.IntegrationTests.Api;

namespace CaseManagement.IntegrationTests.Work;

/// <summary>
/// The three-part plan and multi-agency meetings through the API and the pages, on both databases: needs from the
/// countersigned assessment, versions, coverage, need to know, and decisions that become actions.
/// </summary>
public abstract class PlanApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] UnknownNeed = ["Caf:Nothing"];
    private static readonly string[] AttendanceAndSeparation = ["Learning:Attendance", "Ace:ParentalSeparation"];
    private static readonly string[] Attendance = ["Learning:Attendance"];
    private static readonly string[] Bereavement = ["Adversity:Bereavement"];
    private static readonly string[] AbuseAndWellbeing = ["Ace:PhysicalAbuse", "Judgement:Wellbeing"];
    private static readonly string[] Wellbeing = ["Judgement:Wellbeing"];

    private static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new case whose assessment is complete, submitted and countersigned: its needs are the plan's to answer.</summary>
    private async Task<(Guid CaseId, Guid ChildId)> AssessedCaseAsync(HttpClient caseManager)
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(caseManager);
        var started = await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await AssessmentApiTests<TFactory>.CompleteAsync(caseManager, id);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/assessments/{id}/countersign", null)).StatusCode);
        return (caseId, childId);
    }

    private static async Task<string> RuleAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static List<string> Codes(JsonElement needs) => needs.EnumerateArray().Select(n => n.GetProperty("code").GetString()!).ToList();

    [SkippableFact]
    public async Task Needs_CountersignedAssessment_AreReadWithTheSignificantOnesMarked()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AssessedCaseAsync(client);

        var needs = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan/needs")).GetProperty("needs").EnumerateArray()
            .ToDictionary(n => n.GetProperty("code").GetString()!, n => n.GetProperty("significant").GetBoolean());

        Assert.True(needs["Adversity:Bereavement"]);
        Assert.True(needs["Ace:PhysicalAbuse"]);
        Assert.True(needs["Learning:Attendance"]);
        Assert.True(needs["Judgement:Wellbeing"]);
        Assert.False(needs["Caf:Learning"]);
        Assert.False(needs["Judgement:Reoffending"]);
        Assert.DoesNotContain("Ace:SexualAbuse", needs.Keys);
    }

    [SkippableFact]
    public async Task Action_SentRacingWithOneKeyAsThePlanStarts_IsAddedOnceAndEverySendAnswersWithIt()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await AssessedCaseAsync(client);
        var key = Guid.NewGuid().ToString();
        var action = new { what = "Back to school, three days a week", ownerAgency = "Education", dueOn = InDays(21), needs = AttendanceAndSeparation };

        // Six at once, before the case has a plan: each send starts the plan, so the ones that lose run again (decision 0075).
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            using var send = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{caseId}/plan/actions") { Content = JsonContent.Create(action) };
            send.Headers.Add("Idempotency-Key", key);
            using var answer = await client.SendAsync(send);
            return (answer.StatusCode, Id: answer.StatusCode == HttpStatusCode.Created ? (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid() : Guid.Empty);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan");
        Assert.Single(plan.GetProperty("draft").GetProperty("actions").EnumerateArray());
    }

    [SkippableFact]
    public async Task Plan_ThreePartsLinkedToNeeds_IsPublishedAsVersionsAndShowsItsGaps()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await AssessedCaseAsync(client);
        var plan = $"/api/v1/cases/{caseId}/plan";

        await CreatedAsync(await client.PostAsJsonAsync($"{plan}/my-plan", new { section = "WhatIWant", text = "I want to be a mechanic" }));
        await CreatedAsync(await client.PostAsJsonAsync($"{plan}/my-plan", new { section = "WhoHelpsMe", text = "My nan" }));
        var unlinked = await client.PostAsJsonAsync($"{plan}/actions", new { what = "Mentoring", ownerAgency = "Youth service", dueOn = InDays(14) });
        Assert.Equal("Choose the assessed need or needs this answers.", await RuleAsync(unlinked));
        var unknown = await client.PostAsJsonAsync($"{plan}/actions", new { what = "Mentoring", ownerAgency = "Youth service", dueOn = InDays(14), needs = UnknownNeed });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Choose needs from the child's assessment.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("needs")[0].GetString());
        var actionId = await CreatedAsync(await client.PostAsJsonAsync($"{plan}/actions", new { what = "Back to school, three days a week", ownerAgency = "Education", ownerPerson = "Mr Hughes", dueOn = InDays(21), needs = AttendanceAndSeparation }));

        Assert.Equal("Add at least one service or person to the exit plan before publishing.", await RuleAsync(await client.PostAsync($"{plan}/versions", null)));
        await CreatedAsync(await client.PostAsJsonAsync($"{plan}/exit", new { kind = "UniversalService", service = "LeisureAndSport", name = "Pontypridd Boxing Club", whatTheyDo = "Training on Tuesdays and Thursdays" }));
        var first = await client.PostAsync($"{plan}/versions", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());
        Assert.Equal("Nothing has changed since the last version was published.", await RuleAsync(await client.PostAsync($"{plan}/versions", null)));

        var done = await client.PutAsJsonAsync($"{plan}/actions/{actionId}", new { what = "Back to school, three days a week", ownerAgency = "Education", dueOn = InDays(21), needs = Attendance, state = "Done" });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        Assert.Equal(2, (await (await client.PostAsync($"{plan}/versions", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32());

        var one = await client.GetFromJsonAsync<JsonElement>($"{plan}/versions/1");
        var two = await client.GetFromJsonAsync<JsonElement>($"{plan}/versions/2");
        Assert.Equal(("NotStarted", "Mr Hughes"), (one.GetProperty("parts").GetProperty("actions")[0].GetProperty("state").GetString(), one.GetProperty("parts").GetProperty("actions")[0].GetProperty("ownerPerson").GetString()));
        Assert.Equal(["Ace:ParentalSeparation", "Learning:Attendance"], Codes(one.GetProperty("parts").GetProperty("actions")[0].GetProperty("needs")));
        Assert.Equal("Done", two.GetProperty("parts").GetProperty("actions")[0].GetProperty("state").GetString());
        Assert.False(one.GetProperty("isLatest").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{plan}/versions/3")).StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>(plan);
        Assert.Equal((2, false), (current.GetProperty("publishedVersion").GetInt32(), current.GetProperty("hasUnpublishedChanges").GetBoolean()));
        Assert.Equal([2, 1], current.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("number").GetInt32()));

        var gaps = Codes((await client.GetFromJsonAsync<JsonElement>($"{plan}/coverage")).GetProperty("unanswered"));
        Assert.Contains("Adversity:Bereavement", gaps);
        Assert.Contains("Ace:ParentalSeparation", gaps);
        Assert.DoesNotContain("Learning:Attendance", gaps);

        var goalId = await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { description = "Talk about grandad with someone I trust", owner = "Child" }));
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/goals/{goalId}/needs", new { needs = Bereavement })).StatusCode);
        // The deprecated route (decision 0065) still answers until its sunset, and says when that is.
        using var old = await client.PutAsJsonAsync($"/api/v1/cases/goals/{goalId}/needs", new { needs = Bereavement });
        Assert.Equal(HttpStatusCode.NoContent, old.StatusCode);
        Assert.Equal("Thu, 01 Jul 2027 00:00:00 GMT", Assert.Single(old.Headers.GetValues("Sunset")));
        var covered = await client.GetFromJsonAsync<JsonElement>($"{plan}/coverage");
        Assert.DoesNotContain("Adversity:Bereavement", Codes(covered.GetProperty("unanswered")));
        var bereavement = covered.GetProperty("needs").EnumerateArray().Single(n => n.GetProperty("need").GetProperty("code").GetString() == "Adversity:Bereavement");
        Assert.Equal("Talk about grandad with someone I trust", bereavement.GetProperty("goals")[0].GetString());
        Assert.True((await client.GetFromJsonAsync<JsonElement>(plan)).GetProperty("hasUnpublishedChanges").GetBoolean());

        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        Assert.Equal(2, timeline.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "PlanPublished"));
    }

    [SkippableFact]
    public async Task Plan_SecondedPractitioner_ReadsItWithoutTheTeamOnlyNeedsAndCannotChangeIt()
    {
        using var client = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, _) = await AssessedCaseAsync(client);
        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var practitionerId = choices.GetProperty("practitioners").EnumerateArray().First().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitionerId, contribution = "Police liaison" })).StatusCode);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { what = "Safety planning", ownerAgency = "Children's services", dueOn = InDays(7), needs = AbuseAndWellbeing }));

        var seen = await practitioner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan");
        var refused = await practitioner.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { what = "Visit", ownerAgency = "Police", dueOn = InDays(7), needs = Wellbeing });

        Assert.False(seen.GetProperty("case").GetProperty("canChange").GetBoolean());
        Assert.Equal(["Judgement:Wellbeing"], Codes(seen.GetProperty("draft").GetProperty("actions")[0].GetProperty("needs")));
        Assert.DoesNotContain("Ace:PhysicalAbuse", Codes(seen.GetProperty("assessedNeeds")));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableFact]
    public async Task Meeting_DecisionBecomesAPlanActionOnce_AndTheMeetingIsOnTheTimeline()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await TestCases.NewCaseAsync(client);
        var meetings = $"/api/v1/cases/{caseId}/meetings";
        var attendees = new object[]
        {
            new { name = "Siân Evans", agency = "Prevention team", role = "Case manager" },
            new { name = "PC Rhys Jones", agency = "South Wales Police", role = "School liaison", sentApologies = true },
        };

        var nobody = await client.PostAsJsonAsync(meetings, new { heldOn = InDays(0), kind = "Planning", attendees = new[] { attendees[1] } });
        Assert.Equal("Name at least one person who came to the meeting.", (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("attendees")[0].GetString());
        var tomorrow = await client.PostAsJsonAsync(meetings, new { heldOn = InDays(1), kind = "Planning", attendees });
        Assert.Equal("The date of the meeting must be today or in the past.", await RuleAsync(tomorrow));

        var meetingId = await CreatedAsync(await client.PostAsJsonAsync(meetings, new
        {
            heldOn = InDays(-1),
            kind = "StrategyOrSafety",
            attendees,
            childView = "I don't want to go back to that park.",
            familyView = "Mum wants more support at home.",
            decisions = new[]
            {
                new { text = "Refer to the family support team", ownerAgency = "Families First", ownerPerson = (string?)"Gwen Price", dueOn = InDays(10) },
                new { text = "Check CCTV around the park", ownerAgency = "South Wales Police", ownerPerson = (string?)null, dueOn = InDays(5) },
            },
        }));
        var listed = (await client.GetFromJsonAsync<JsonElement>(meetings)).GetProperty("meetings")[0];
        var decision = listed.GetProperty("decisions")[0];
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("actionId").ValueKind);
        Assert.True(listed.GetProperty("attendees")[1].GetProperty("sentApologies").GetBoolean());

        var act = $"{meetings}/{meetingId}/decisions/{decision.GetProperty("id").GetGuid()}/action";
        var actionId = await CreatedAsync(await client.PostAsync(act, null));
        Assert.Equal("This decision is already an action of the plan.", await RuleAsync(await client.PostAsync(act, null)));

        var action = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan")).GetProperty("draft").GetProperty("actions").EnumerateArray().Single();
        Assert.Equal((actionId, "Refer to the family support team", "Families First", "Gwen Price", InDays(10), meetingId),
            (action.GetProperty("id").GetGuid(), action.GetProperty("what").GetString(), action.GetProperty("ownerAgency").GetString(), action.GetProperty("ownerPerson").GetString(), action.GetProperty("dueOn").GetString(), action.GetProperty("meetingId").GetGuid()));
        Assert.Equal(actionId, (await client.GetFromJsonAsync<JsonElement>(meetings)).GetProperty("meetings")[0].GetProperty("decisions")[0].GetProperty("actionId").GetGuid());
        var timeline = await client.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline");
        Assert.Contains(timeline.GetProperty("items").EnumerateArray(), i => i.GetProperty("kind").GetString() == "MeetingHeld" && i.GetProperty("detail").GetString() == "StrategyOrSafety");
    }

    [SkippableFact]
    public async Task MeetingPage_MinutesSavedWithDecisionsAsActions_ShowsThemInThePlan()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var yesterday = DateTime.UtcNow.AddDays(-1);
        var due = DateTime.UtcNow.AddDays(14);
        var form = await client.GetStringAsync($"/cases/{caseId}/meetings/new");

        var saved = await client.PostAsync($"/cases/{caseId}/meetings/new", AppFactory.Form(
            form,
            ("HeldOnDay", yesterday.Day.ToString(CultureInfo.InvariantCulture)), ("HeldOnMonth", yesterday.Month.ToString(CultureInfo.InvariantCulture)), ("HeldOnYear", yesterday.Year.ToString(CultureInfo.InvariantCulture)),
            ("Kind", "Review"),
            ("Attendees[0].Name", "Siân Evans"), ("Attendees[0].Agency", "Prevention team"),
            ("Decisions[0].Text", "Start mentoring"), ("Decisions[0].OwnerAgency", "Youth service"),
            ("Decisions[0].DueOnDay", due.Day.ToString(CultureInfo.InvariantCulture)), ("Decisions[0].DueOnMonth", due.Month.ToString(CultureInfo.InvariantCulture)), ("Decisions[0].DueOnYear", due.Year.ToString(CultureInfo.InvariantCulture)),
            ("DecisionsBecomeActions", "true")));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var planPage = await client.GetStringAsync($"/cases/{caseId}/plan");
        Assert.Contains("Start mentoring", planPage, StringComparison.Ordinal);
        Assert.Contains("Decided at a meeting", planPage, StringComparison.Ordinal);
        var meetingsPage = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}/meetings"));
        Assert.Contains("In the plan", meetingsPage, StringComparison.Ordinal);

        // The window's title names the child, as the case's other work pages do, in either language.
        var child = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childName").GetString();
        Assert.Contains($"<title>Multi-agency meetings: {child} ", meetingsPage, StringComparison.Ordinal);
        var welsh = await Welsh.PageAsync(client, $"/cases/{caseId}/meetings");
        Assert.Contains($"<title>Cyfarfodydd amlasiantaethol: {child} ", welsh, StringComparison.Ordinal);

        // So does the plan's coverage of the child's needs.
        Assert.Contains($"<title>Needs and what answers them: {child} ", WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}/plan/coverage")), StringComparison.Ordinal);
        Assert.Contains($"<title>Anghenion a'r hyn sy'n eu hateb: {child} ", await Welsh.PageAsync(client, $"/cases/{caseId}/plan/coverage"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task MeetingPage_DecisionWithoutItsAgency_ShowsTheRuleBesideTheField()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var today = DateTime.UtcNow;
        var form = await client.GetStringAsync($"/cases/{caseId}/meetings/new");

        var refused = await client.PostAsync($"/cases/{caseId}/meetings/new", AppFactory.Form(
            form,
            ("HeldOnDay", today.Day.ToString(CultureInfo.InvariantCulture)), ("HeldOnMonth", today.Month.ToString(CultureInfo.InvariantCulture)), ("HeldOnYear", today.Year.ToString(CultureInfo.InvariantCulture)),
            ("Kind", "Planning"), ("Attendees[0].Name", "Siân Evans"), ("Attendees[0].Agency", "Prevention team"),
            ("Decisions[0].Text", "Start mentoring"), ("Decisions[0].DueOnDay", "40"), ("Decisions[0].DueOnMonth", "1"), ("Decisions[0].DueOnYear", "2027")));

        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("href=\"#Decisions-0-OwnerAgency\"", page, StringComparison.Ordinal);
        Assert.Contains("Name the agency that owns each decision.", page, StringComparison.Ordinal);
        Assert.Contains("The due date must be a real date, like 27 3 2027.", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PlanPage_Title_NamesTheChild()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client, givenName: "Zelyn");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}/plan"));

        Assert.Matches("<title>Plan: Zelyn Q[a-z]+ ", page);
    }

    [SkippableFact]
    public async Task PrintPage_InWelsh_IsWelshWhateverTheReadersLanguage()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        await CreatedAsync(await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/my-plan", new { section = "WhatIWant", text = "Mynd yn ôl i'r clwb pêl-droed" }));

        var english = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}/plan"));
        var welsh = WebUtility.HtmlDecode(await client.GetStringAsync($"/cases/{caseId}/plan/print?language=cy"));

        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"cy\"", welsh, StringComparison.Ordinal);
        Assert.Contains("Fy nghynllun: cynllun y plentyn ei hun", welsh, StringComparison.Ordinal);
        Assert.Contains("Drafft: heb ei gyhoeddi eto.", welsh, StringComparison.Ordinal);
        Assert.Contains("Mynd yn ôl i'r clwb pêl-droed", welsh, StringComparison.Ordinal);
        Assert.DoesNotContain("The professionals' plan", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Plan_SixFirstChangesAtOnce_AllKeptOnOnePlan()
    {
        // Each case has one plan, started by its first change: six first changes sent at once all race to start it.
        // The losers are run again on the winner's plan, so every change is kept and no one is shown an error.
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var texts = Enumerable.Range(1, 6).Select(i => $"Wish {i}").ToList();

        var answers = await Task.WhenAll(texts.Select(t => client.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/my-plan", new { section = "WhatIWant", text = t })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var draft = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan")).GetProperty("draft");
        Assert.Equal(texts, draft.GetProperty("whatIWant").EnumerateArray().Select(i => i.GetProperty("text").GetString()!).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task SecondedPolice_MoveOnTheirOwnAgencysActions_NotOtherAgenciesOrTheWording()
    {
        using var caseManager = await factory.SignedInAsync();
        using var police = await factory.SignedInAsync("practitioner@demo.example");
        var caseId = await TestCases.NewCaseWithPoliceAsync(caseManager);
        var theirs = await CreatedAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { what = "Visit the family with the neighbourhood team", ownerAgency = "South Wales Police (demo)", dueOn = InDays(7) }));
        var ours = await CreatedAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions", new { what = "Weekly mentoring", ownerAgency = "Youth service", dueOn = InDays(7) }));
        string State(JsonElement plan, Guid id) => plan.GetProperty("draft").GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == id).GetProperty("state").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{theirs}/state", new { state = "InProgress" })).StatusCode);
        Assert.Equal("InProgress", State(await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan"), theirs));
        await WorkApi.RefusedAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{theirs}/state", new { state = "Dropped" }), HttpStatusCode.BadRequest, "Say why the action is not possible.");
        Assert.Equal(HttpStatusCode.NoContent, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{theirs}/state", new { state = "Dropped", reason = "The family moved out of the area." })).StatusCode);
        var plan = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan");
        Assert.Equal("Dropped", State(plan, theirs));

        // Another agency's action, going back to "not started", and the wording are not theirs to change.
        await WorkApi.RefusedAsync(
            await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{ours}/state", new { state = "Done" }),
            HttpStatusCode.UnprocessableEntity, "You can change the state of your own agency's actions only. Ask the case manager about this one.");
        await WorkApi.RefusedAsync(await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{theirs}/state", new { state = "NotStarted" }), HttpStatusCode.UnprocessableEntity, "Say whether the action has started, is done or is not possible.");
        Assert.Equal(HttpStatusCode.Forbidden, (await police.PutAsJsonAsync($"/api/v1/cases/{caseId}/plan/actions/{theirs}", new { what = "Something else", ownerAgency = "South Wales Police (demo)", dueOn = InDays(7), state = "Done" })).StatusCode);
        Assert.Equal("NotStarted", State(await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/plan"), ours));

        // Not on the case: not found.
        var (otherCase, _) = await TestCases.NewCaseAsync(caseManager);
        var elsewhere = await CreatedAsync(await caseManager.PostAsJsonAsync($"/api/v1/cases/{otherCase}/plan/actions", new { what = "Visit", ownerAgency = "South Wales Police (demo)", dueOn = InDays(7) }));
        Assert.Equal(HttpStatusCode.NotFound, (await police.PostAsJsonAsync($"/api/v1/cases/{otherCase}/plan/actions/{elsewhere}/state", new { state = "Done" })).StatusCode);
    }
}

public sealed class SqlitePlanApiTests(SqliteAppFactory factory) : PlanApiTests<SqliteAppFactory>(factory);

public sealed class PostgresPlanApiTests(PostgresAppFactory factory) : PlanApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerPlanApiTests(SqlServerAppFactory factory) : PlanApiTests<SqlServerAppFactory>(factory);
