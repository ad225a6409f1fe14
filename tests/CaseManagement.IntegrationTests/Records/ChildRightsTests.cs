namespace CaseManagement.IntegrationTests.Records;

/// <summary>Rectification and restriction of a child's record (issue 20).</summary>
public abstract class ChildRightsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string Restricted = "Processing of this child's record is restricted: it is kept, but nothing can be added or changed until the restriction is lifted.";

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
}

public sealed class SqliteChildRightsTests(SqliteAppFactory factory) : ChildRightsTests<SqliteAppFactory>(factory);

public sealed class PostgresChildRightsTests(PostgresAppFactory factory) : ChildRightsTests<PostgresAppFactory>(factory);
