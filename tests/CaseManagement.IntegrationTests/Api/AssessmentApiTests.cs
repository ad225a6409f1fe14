namespace CaseManagement.IntegrationTests.Api;

/// <summary>The TrACE assessment through the API, on both databases: drafted, submitted, returned, resubmitted, countersigned and redone.</summary>
public abstract class AssessmentApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly string[] ChildsDevelopment = ["Health", "EmotionalAndBehaviouralDevelopment", "IdentityAndSelfEsteem", "FamilyAndSocialRelationships", "SocialPresentation", "SelfCareSkills", "Learning"];
    private static readonly string[] ParentsAndCarers = ["BasicCareAndSafety", "EmotionalWarmthAndStability", "GuidanceBoundariesAndStimulation"];
    private static readonly string[] FamilyAndEnvironment = ["FamilyHistoryAndFunctioning", "WiderFamily", "Housing", "EmploymentAndIncome", "SocialAndCommunityResources", "Education"];
    private static readonly string[] Yes = ["VerbalAbuse", "PhysicalAbuse", "ParentalSeparation", "HouseholdSubstanceMisuse", "Bereavement"];
    private static readonly string[] SensitiveAces = ["SexualAbuse", "DomesticAbuse"];
    private static readonly string[] AllAdversity =
    [
        "VerbalAbuse", "PhysicalAbuse", "SexualAbuse", "EmotionalNeglect", "PhysicalNeglect", "ParentalSeparation", "HouseholdMentalIllness", "DomesticAbuse",
        "HouseholdSubstanceMisuse", "HouseholdImprisonment", "Bereavement", "CriminalExploitation", "SexualExploitation", "CommunityViolence", "Bullying",
        "Poverty", "Discrimination", "CareExperience", "YoungCarer", "ParentalIllness",
    ];

    private static object Judgements(string wellbeing, string? wellbeingRationale = "Low mood since his grandfather died; sleeping badly.") => new
    {
        reoffending = "Medium",
        reoffendingRationale = "Two incidents in three months, both with the same older group.",
        seriousHarm = "Low",
        seriousHarmRationale = "No weapons, no violence towards others.",
        wellbeing,
        wellbeingRationale,
    };

    internal static async Task CompleteAsync(HttpClient client, Guid id)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/judgements", Judgements("VeryHigh"))).StatusCode);
        foreach (var (domain, areas) in new[] { ("ChildsDevelopment", ChildsDevelopment), ("ParentsAndCarers", ParentsAndCarers), ("FamilyAndEnvironment", FamilyAndEnvironment) })
        {
            var body = new { areas = areas.Select(a => new { area = a, strengths = "Loves boxing", needs = (string?)null, marker = "SomeConcern" }) };
            Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/areas/{domain}", body)).StatusCode);
        }

        var answers = AllAdversity.Select(a => new { adversity = a, answer = Yes.Contains(a) ? "Yes" : a == "SexualAbuse" ? "NotAsked" : "No", notAskedReason = a == "SexualAbuse" ? "Not yet: trust is still being built." : null, source = "Dai and his mother", recordedOn = "2026-11-01" });
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/adversity", new { answers })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/learning-needs", new { status = "NeedsSuspected", speechLanguage = "Suspected", neurodiversity = "Suspected", schoolAttachment = "Weak", attendancePercent = 62, fixedTermExclusions = 2 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/strengths-and-views", new { interests = "Boxing, and fixing bikes", aspirations = "To be a mechanic", childView = "I want to stay out of trouble." })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/v1/assessments/{id}/analysis", new { analysis = "The behaviour follows the bereavement.", recommendations = "Boxing club twice a week\nBereavement support through the school" })).StatusCode);
    }

    [SkippableFact]
    public async Task Assessment_DraftedSubmittedReturnedResubmittedCountersignedAndRedone()
    {
        using var caseManager = await factory.SignedInAsync();
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(caseManager);

        var started = await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);

        // A rating without its rationale is refused, with the field named.
        var missing = await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/judgements", Judgements("High", null));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("wellbeingRationale", out _));
        var unexplained = await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/adversity", new { answers = new[] { new { adversity = "Bullying", answer = "NotAsked" } } });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);

        await CompleteAsync(caseManager, id);
        var draft = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.All(draft.GetProperty("sections").EnumerateArray(), s => Assert.Equal("Completed", s.GetProperty("state").GetString()));
        Assert.Equal(4, draft.GetProperty("aceCount").GetInt32());
        Assert.True(draft.GetProperty("fourOrMoreAces").GetBoolean());

        // A very high rating holds the plan until the assessment is countersigned.
        var held = await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/goals", new { description = "Boxing", owner = "Child" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, held.StatusCode);
        Assert.Contains("very high rating must be countersigned", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsync($"/api/v1/assessments/{id}/countersign", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/analysis", new { analysis = "changed" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/assessments/{id}/return", new { comments = "Say more about school attendance." })).StatusCode);
        var returned = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        Assert.Equal("Say more about school attendance.", returned.GetProperty("returnComments").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/analysis", new { analysis = "The behaviour follows the bereavement; attendance fell to 62% after it.", recommendations = "Boxing club twice a week\nBereavement support through the school" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PostAsync($"/api/v1/assessments/{id}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/assessments/{id}/countersign", null)).StatusCode);

        var signed = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        Assert.Equal("Countersigned", signed.GetProperty("status").GetString());
        Assert.False(signed.GetProperty("canEdit").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/judgements", Judgements("Low"))).StatusCode);

        // The recommendations became the plan's first (draft) goals.
        var work = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(["Boxing club twice a week", "Bereavement support through the school"], work.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("description").GetString()!).ToArray());

        // A reassessment starts from what is known; the versions compare.
        var again = await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null);
        var secondId = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var second = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{secondId}");
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal("VeryHigh", second.GetProperty("judgements").GetProperty("wellbeing").GetString());
        Assert.Equal("Completed", second.GetProperty("sections")[1].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{secondId}/judgements", Judgements("Medium"))).StatusCode);
        var versions = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        Assert.Equal(["VeryHigh", "Medium"], versions.EnumerateArray().Select(v => v.GetProperty("wellbeing").GetString()!).ToArray());

        var timeline = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/children/{childId}/timeline?category=Assessment");
        var kinds = timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "AssessmentStarted"));
        Assert.Equal(2, kinds.Count(k => k == "AssessmentSubmitted"));
        Assert.Contains("AssessmentReturned", kinds);
        Assert.Contains("AssessmentCountersigned", kinds);
    }

    [SkippableFact]
    public async Task SensitiveAnswers_AreWithheldFromASecondedPractitioner_ButNotFromTheTeam()
    {
        using var caseManager = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, _) = await TestCases.NewCaseAsync(caseManager);
        var id = (await (await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CompleteAsync(caseManager, id);
        var choices = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var practitionerId = choices.GetProperty("practitioners").EnumerateArray().First().GetProperty("id").GetGuid();
        await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitionerId, contribution = "Police liaison" });

        static JsonElement Answer(JsonElement assessment, string adversity) =>
            assessment.GetProperty("adversities").EnumerateArray().Single(a => a.GetProperty("adversity").GetString() == adversity);
        var team = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var partner = await practitioner.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");

        Assert.Equal("Yes", Answer(team, "PhysicalAbuse").GetProperty("answer").GetString());
        Assert.True(Answer(partner, "PhysicalAbuse").GetProperty("withheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Answer(partner, "PhysicalAbuse").GetProperty("answer").ValueKind);
        Assert.Equal(JsonValueKind.Null, Answer(partner, "PhysicalAbuse").GetProperty("source").ValueKind);
        Assert.Equal("Yes", Answer(partner, "VerbalAbuse").GetProperty("answer").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await practitioner.PutAsJsonAsync($"/api/v1/assessments/{id}/analysis", new { analysis = "x" })).StatusCode);
    }

    [SkippableFact]
    public async Task AceCount_ForAReaderOutsideTheTeam_IsWithheldWithTheAnswersItCounts()
    {
        // Only sensitive answers are "yes": a count of 2 beside answers that all read as withheld would tell the
        // seconded practitioner that two of them are "yes".
        using var caseManager = await factory.SignedInAsync();
        using var practitioner = await factory.SignedInAsync("practitioner@demo.example");
        var (caseId, _) = await TestCases.NewCaseAsync(caseManager);
        var id = (await (await caseManager.PostAsync($"/api/v1/cases/{caseId}/assessments", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var answers = SensitiveAces.Select(a => new { adversity = a, answer = "Yes", source = "Her mother", recordedOn = "2026-11-01" });
        Assert.Equal(HttpStatusCode.NoContent, (await caseManager.PutAsJsonAsync($"/api/v1/assessments/{id}/adversity", new { answers })).StatusCode);
        var choices = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var practitionerId = choices.GetProperty("practitioners").EnumerateArray().First().GetProperty("id").GetGuid();
        await caseManager.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitionerId, contribution = "Police liaison" });

        var team = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var partner = await practitioner.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{id}");
        var partnerVersions = await practitioner.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        var teamVersions = await caseManager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/assessments");
        var page = await practitioner.GetStringAsync($"/assessments/{id}");
        var casePage = await practitioner.GetStringAsync($"/cases/{caseId}");

        Assert.Equal(2, team.GetProperty("aceCount").GetInt32());
        Assert.Equal(2, teamVersions[0].GetProperty("aceCount").GetInt32());
        Assert.All(partner.GetProperty("adversities").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("answer").ValueKind));
        Assert.Equal(JsonValueKind.Null, partner.GetProperty("aceCount").ValueKind);
        Assert.Equal(JsonValueKind.Null, partner.GetProperty("fourOrMoreAces").ValueKind);
        Assert.Equal(JsonValueKind.Null, partnerVersions[0].GetProperty("aceCount").ValueKind);
        Assert.DoesNotContain("known: 2 of 10", page, StringComparison.Ordinal);
        Assert.Contains("Adverse childhood experiences known: withheld", page, StringComparison.Ordinal);
        Assert.Equal("Withheld", System.Text.RegularExpressions.Regex.Match(casePage, "data-testid=\"version-aces\">([^<]*)<").Groups[1].Value.Trim());
    }
}

public sealed class SqliteAssessmentApiTests(SqliteAppFactory factory) : AssessmentApiTests<SqliteAppFactory>(factory);

public sealed class PostgresAssessmentApiTests(PostgresAppFactory factory) : AssessmentApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerAssessmentApiTests(SqlServerAppFactory factory) : AssessmentApiTests<SqlServerAppFactory>(factory);
