using CaseManagement.Domain.Referrals;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>Edges of what a partner may send (decision 0083): a date of birth of 0001-01-01, and a decision with a JSON null body.</summary>
public abstract class RequestEdgeTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string OutOfRange = "The date must be between 1900 and 2199.";

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, object?> Referral(object? dateOfBirth)
    {
        var body = new Dictionary<string, object?>
        {
            ["source"] = "Education", ["referrerName"] = "Ms Evans", ["concerns"] = "Missing lessons.", ["urgency"] = "Routine", ["consent"] = "ChildAndFamily", ["lawfulBasis"] = "Consent",
            ["childGivenName"] = "Zelda", ["childFamilyName"] = TestCases.UniqueFamilyName(), ["childSex"] = "Female", ["childPreferredLanguage"] = "Welsh",
        };
        if (dateOfBirth is not null)
        {
            body["childDateOfBirth"] = dateOfBirth;
        }

        return body;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [SkippableFact]
    public async Task Submit_DateOfBirthOf00010101_RefusedAsNotARealDateOfBirth_NotAsLeftOut()
    {
        using var client = await factory.SignedInAsync();

        var year1 = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/referrals", Referral("0001-01-01")));
        var year9999 = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/referrals", Referral("9999-12-31")));
        var leftOut = await ErrorsAsync(await client.PostAsJsonAsync("/api/v1/referrals", Referral(null)));
        using var welsh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(Referral("0001-01-01")) };
        welsh.Headers.AcceptLanguage.ParseAdd("cy");
        var inWelsh = await ErrorsAsync(await client.SendAsync(welsh));

        Assert.Equal([OutOfRange], year1.GetProperty("childDateOfBirth").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([OutOfRange], year9999.GetProperty("childDateOfBirth").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Enter the child's date of birth."], leftOut.GetProperty("childDateOfBirth").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Rhaid i'r dyddiad fod rhwng 1900 a 2199."], inWelsh.GetProperty("childDateOfBirth").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task Rectification_DateOfBirthOf00010101_Refused_AndTheChildKeepsTheirs()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await TestCases.NewCaseAsync(client);
        var before = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("dateOfBirth").GetString();

        var errors = await ErrorsAsync(await client.PostAsJsonAsync($"/api/v1/children/{childId}/rectification", new { givenName = "Nia", familyName = "Rhys", dateOfBirth = "0001-01-01", reason = "Checked." }));

        Assert.Equal([OutOfRange], errors.GetProperty("dateOfBirth").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("dateOfBirth").GetString());
    }

    [SkippableFact]
    public async Task NewChild_WithAJsonNullBody_RegistersTheChildWithoutANote_AndASecondIsRefused()
    {
        // The note is optional (the decision needs nothing else), so a null body is the decision with no note: 204, and
        // the referral is linked to a child registered from it. Sent again, the referral no longer waits: 422, not 204.
        Guid referralId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            referralId = await db.Referrals.Where(r => r.Status == ReferralStatus.AwaitingDuplicateDecision).OrderBy(r => r.Reference).Select(r => r.Id).FirstAsync();
        }

        using var client = await factory.SignedInAsync("teammanager@demo.example");
        var path = $"/api/v1/referrals/{referralId}/new-child";
        using var nullBody = new StringContent("null", System.Text.Encoding.UTF8, "application/json");

        var decided = await client.PostAsync(path, nullBody);

        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        var referral = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        Assert.Equal(JsonValueKind.String, referral.GetProperty("childId").ValueKind);
        var review = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}/matches");
        Assert.All(review.GetProperty("candidates").EnumerateArray(), c => Assert.Equal("Rejected", c.GetProperty("status").GetString()));
        using var again = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
        var second = await client.PostAsync(path, again);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteRequestEdgeTests(SqliteAppFactory factory) : RequestEdgeTests<SqliteAppFactory>(factory);

public sealed class PostgresRequestEdgeTests(PostgresAppFactory factory) : RequestEdgeTests<PostgresAppFactory>(factory);
