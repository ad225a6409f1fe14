using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.IntegrationTests.Database;

/// <summary>
/// The reset before each PostgreSQL test (docs/decisions/0029), as a client sees it: what the test before wrote is
/// gone, the demo data is back, and the accounts keep their sessions and the audit trail stays intact.
/// </summary>
public sealed class PostgresResetTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Reset_AfterAReferralWasSent_ItAndItsChildAreGone_TheDemoChildrenSessionsAndAuditTrailStay()
    {
        TestDatabase.Require(DatabaseProvider.PostgreSQL);
        using var caseManager = await factory.SignedInAsync();
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var demoChildren = await ChildrenAsync(caseManager);
        var sent = await caseManager.PostAsJsonAsync("/api/v1/referrals", new
        {
            source = "PoliceNeighbourhoodTeam",
            referrerName = "PC Rhys Davies",
            policeOccurrenceReference = "62230077777",
            concerns = "Seen late at night near the retail park.",
            urgency = "Routine",
            consent = "ChildAndFamily",
            lawfulBasis = "Consent",
            childGivenName = "Rhodri",
            childFamilyName = "Respawnsen",
            childDateOfBirth = "2012-03-02",
            childSex = "Male",
            childPostcode = "CF37 1AA",
            childPreferredLanguage = "English",
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Contains("Respawnsen", await ChildrenAsync(caseManager));

        await factory.ResetAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await caseManager.GetAsync(sent.Headers.Location)).StatusCode);
        Assert.Equal(demoChildren, await ChildrenAsync(caseManager));
        var verification = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.GetProperty("message").GetString());
    }

    private static async Task<List<string?>> ChildrenAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/children?pageSize=100");
        return page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("familyName").GetString()).ToList();
    }
}
