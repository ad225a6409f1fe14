namespace CaseManagement.IntegrationTests.Records;

/// <summary>Rectification and restriction of a child's record (issue 20).</summary>
public abstract class ChildRightsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Restricted = "Processing of this child's record is restricted: it is kept, but nothing can be added or changed until the restriction is lifted.";

    private static readonly string[] Carers = ["Sian Pryce", "Gareth Pryce"];

    private static readonly string[] EvidenceShown =
        ["Ty Gwyn", "Heol y Nant", "Pontypridd", "Ysgol Gyfun Cwm Rhondda", "Sian Pryce", "Gareth Pryce", "sian.pryce@example.com", "SC-4471", "Issued by: Council children's services"];

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Rectification_CorrectsTheDetails_AndKeepsTheReasonInTheTrail()
    {
        using var manager = await factory.SignedInAsync();
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);

        var corrected = await manager.PostAsJsonAsync($"/api/v1/children/{childId}/rectification", new { givenName = "Nia", familyName = "Corrected-" + factory.Provider, dateOfBirth = "2012-02-03", reason = "Mother showed the birth certificate." });

        Assert.Equal(HttpStatusCode.NoContent, corrected.StatusCode);
        Assert.Equal("Nia Corrected-" + factory.Provider, (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("childName").GetString());
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var trail = (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={childId}&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("entityType").GetString() == "Rectification" && e.GetProperty("reason").GetString() == "Mother showed the birth certificate.");
        Assert.Contains(trail, e => e.GetProperty("entityType").GetString() == "Child" && e.GetProperty("action").GetString() == "Update");
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/children/{childId}/rectification", new { givenName = "Nia", familyName = "X", dateOfBirth = "2012-02-03" })).StatusCode);
    }

    [SkippableFact]
    public async Task RightsPage_ShowsTheEvidenceMatchingUses_InEnglishAndWelsh()
    {
        // Address parts, school, carers, e-mail, phone and the other identifier are compared when finding a child's
        // other records, so a person must be able to see them to know one is wrong.
        using var manager = await factory.SignedInAsync();
        var family = "Q" + Guid.NewGuid().ToString("N")[..9];
        var submitted = await manager.PostAsJsonAsync("/api/v1/referrals", new
        {
            source = "Education", referrerName = "Ms Evans", concerns = "Missing lessons.", urgency = "Routine", consent = "ChildAndFamily", lawfulBasis = "Consent",
            childGivenName = "Zelda", childFamilyName = family, childDateOfBirth = "2012-05-06", childSex = "Female", childPreferredLanguage = "Welsh",
            childHouseNumberOrName = "Ty Gwyn", childStreet = "Heol y Nant", childTown = "Pontypridd", childSchool = "Ysgol Gyfun Cwm Rhondda",
            parentOrCarerNames = Carers, childEmail = "sian.pryce@example.com", childPhone = "07700 900123",
            childOtherIdentifier = "SC-4471", childOtherIdentifierIssuer = "LocalAuthority",
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var referralId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/referrals/{referralId}/accept", null)).StatusCode);
        var childId = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}")).GetProperty("childId").GetGuid();

        var page = WebUtility.HtmlDecode(await manager.GetStringAsync($"/children/{childId}/rights"));
        foreach (var shown in EvidenceShown)
        {
            Assert.Contains(shown, page, StringComparison.Ordinal);
        }

        Assert.Matches("data-testid=\"evidence-phone\">.*07700\\s?900\\s?123", page.ReplaceLineEndings(" "));
        Assert.Contains("E-mail address", page, StringComparison.Ordinal);

        await manager.GetAsync("/language/cy-GB?returnUrl=%2F");
        var welsh = WebUtility.HtmlDecode(await manager.GetStringAsync($"/children/{childId}/rights"));
        Assert.Contains("Enwau'r rhieni neu'r gofalwyr", welsh, StringComparison.Ordinal);
        Assert.Contains("Wedi'i roi gan: ", welsh, StringComparison.Ordinal);
        Assert.Contains("Sian Pryce", welsh, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Restriction_StopsChangesButNotReading_UntilLifted_WithWhoAndWhyKept()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction", new { reason = "Family contest the accuracy of the referral." })).StatusCode);

        var note = await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { category = "General", visibility = "EveryoneOnTheCase", text = "Should not be kept." });
        await Work.WorkApi.RefusedAsync(note, HttpStatusCode.UnprocessableEntity, Restricted);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        await Work.WorkApi.RefusedAsync(await manager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction", new { reason = "Again" }), HttpStatusCode.UnprocessableEntity, "Processing of this child's record is already restricted.");
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction/lift", new { reason = "Accuracy checked with the school." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { category = "General", visibility = "EveryoneOnTheCase", text = "Restriction lifted." })).StatusCode);
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var trail = (await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={childId}&pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(trail, e => e.GetProperty("entityType").GetString() == "ProcessingRestriction" && e.GetProperty("action").GetString() == "Create");
        Assert.Contains(trail, e => e.GetProperty("entityType").GetString() == "ProcessingRestriction" && e.GetProperty("action").GetString() == "Update");
        using var caseManager = await factory.SignedInAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction", new { reason = "x" })).StatusCode);
    }

    [SkippableFact]
    public async Task Pages_CorrectionRestrictionAndSubjectAccess_ShowWhoWhyAndTheDeadline()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var caseManager = await factory.SignedInAsync();
        using var admin = await factory.SignedInAsync("admin@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);
        var rights = $"/children/{childId}/rights";

        // A case manager corrects the details on the page; the change and its reason are on the rights page's history.
        var correct = await caseManager.GetStringAsync($"/children/{childId}/correct");
        var corrected = await caseManager.PostAsync($"/children/{childId}/correct", AppFactory.Form(
            correct, ("GivenName", "Nia"), ("FamilyName", "Rhys"), ("DateOfBirthDay", "3"), ("DateOfBirthMonth", "2"), ("DateOfBirthYear", "2012"), ("Postcode", "cf37 1dl"), ("Reason", "Birth certificate seen.")));
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var page = WebUtility.HtmlDecode(await caseManager.GetStringAsync(rights));
        Assert.Contains("Birth certificate seen.", page, StringComparison.Ordinal);
        Assert.Contains("Postcode: ", page, StringComparison.Ordinal);
        Assert.Contains("→ CF37 1DL", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Restrict", page, StringComparison.Ordinal);

        // A team manager restricts with a reason: who and why on the page, a banner on the case, changes refused.
        var form = await manager.GetStringAsync(rights);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{rights}?handler=Restrict", AppFactory.Form(form, ("Reason", "Family contest the referral.")))).StatusCode);
        page = WebUtility.HtmlDecode(await manager.GetStringAsync(rights));
        Assert.Contains("Family contest the referral.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"restricted-banner\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"restricted-banner\"", await manager.GetStringAsync($"/cases/{caseId}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"restricted-banner\"", await manager.GetStringAsync("/cases"), StringComparison.Ordinal);

        // A subject access request through its steps; the administrator's list shows its dates, and no way into it.
        var received = await manager.PostAsync($"{rights}?handler=Request", AppFactory.Form(form, ("ReceivedOnDay", "31"), ("ReceivedOnMonth", "1"), ("ReceivedOnYear", "2026")));
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var steps = received.Headers.Location!.OriginalString;
        page = WebUtility.HtmlDecode(await manager.GetStringAsync(steps));
        Assert.Contains("28 February 2026", page, StringComparison.Ordinal);
        Assert.Contains("Overdue", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{steps}?handler=Redactions", AppFactory.Form(page, ("Words", "Anna Price")))).StatusCode);
        var zip = await manager.GetAsync($"{steps}?handler=Export");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.PostAsync($"{steps}?handler=Release", AppFactory.Form(page))).StatusCode);
        Assert.Contains("The request has been answered.", WebUtility.HtmlDecode(await manager.GetStringAsync(steps)), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await caseManager.GetAsync(steps)).StatusCode);
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/subject-access"));
        Assert.Contains("28 February 2026", list, StringComparison.Ordinal);
        Assert.DoesNotContain(steps, list, StringComparison.Ordinal);
        Assert.Contains(steps, await manager.GetStringAsync("/team/subject-access"), StringComparison.Ordinal);
    }
}

public sealed class SqliteChildRightsTests(SqliteAppFactory factory) : ChildRightsTests<SqliteAppFactory>(factory);

public sealed class PostgresChildRightsTests(PostgresAppFactory factory) : ChildRightsTests<PostgresAppFactory>(factory);
