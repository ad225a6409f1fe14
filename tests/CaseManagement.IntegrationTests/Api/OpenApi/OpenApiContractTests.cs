using System.Text.Json.Nodes;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Api.OpenApi;

/// <summary>
/// The OpenAPI document as the contract a partner's developer codes against (docs/decisions/0046): the committed copy
/// is the one the app serves, and real calls, as a partner system and as the team that screens its referrals, answer
/// only with statuses, media types and bodies the document declares. Both databases.
/// </summary>
public abstract class OpenApiContractTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task ServedDocument_IsTheCommittedOne()
    {
        using var client = factory.Anonymous();

        var served = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiContract.CommittedPath));
        Assert.True(
            JsonNode.DeepEquals(served, committed),
            "docs/openapi/v1.json is not the document the app serves. Regenerate it: dotnet run --project src/CaseManagement.Web -- openapi $PWD/docs/openapi/v1.json");
    }

    [SkippableFact]
    public async Task RealCalls_AnswerOnlyWhatTheDocumentDeclares()
    {
        var contract = OpenApiContract.Committed();
        var answers = new List<HttpResponseMessage>();
        using var anonymous = factory.Anonymous();
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, Application.Common.Security.Scopes.ReferralsSubmit, Application.Common.Security.Scopes.ReferralsRead);
        var screener = await factory.SignedInAsync("casemanager@demo.example");

        answers.Add(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = "mash-system@demo.example", password = "not-the-password" }));
        answers.Add(await anonymous.GetAsync("/api/v1/referrals"));
        answers.Add(await partner.PostAsJsonAsync("/api/v1/referrals", new { source = "Mash" }));
        var key = Guid.NewGuid().ToString();
        var teamId = await TeamIdAsync("Cwm Taf Prevention Team");
        var submitted = await partner.SendAsync(Submission(key, teamId));
        answers.Add(submitted);
        answers.Add(await partner.SendAsync(Submission(key, teamId)));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var id = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        answers.Add(await partner.GetAsync($"/api/v1/referrals/{id}"));
        answers.Add(await partner.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}"));
        answers.Add(await screener.GetAsync("/api/v1/referrals?pageSize=2"));
        answers.Add(await screener.GetAsync($"/api/v1/referrals/{id}"));
        answers.Add(await screener.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = string.Empty }));
        answers.Add(await screener.PostAsync($"/api/v1/referrals/{id}/accept", null));
        answers.Add(await screener.PostAsJsonAsync($"/api/v1/referrals/{id}/decline", new { reason = "Already accepted." }));
        answers.Add(await partner.GetAsync("/api/v1/cases"));

        var breaches = new List<string>();
        foreach (var answer in answers)
        {
            breaches.AddRange(await contract.BreachesAsync(answer));
        }

        Assert.True(breaches.Count == 0, "Answers the document does not declare:\n" + string.Join('\n', breaches));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Forbidden],
            answers.Select(a => a.StatusCode));
    }

    private async Task<Guid> TeamIdAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private static HttpRequestMessage Submission(string key, Guid teamId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals")
        {
            Content = JsonContent.Create(new
            {
                teamId,
                source = "Mash",
                referrerName = "Gwenllian Morgan",
                concerns = "Missing school on Fridays and seen late at night with older young people.",
                urgency = "Routine",
                consent = "ChildAndFamily",
                lawfulBasis = "PublicTask",
                childGivenName = "Cerys",
                childFamilyName = "Contract-" + key[..8],
                childDateOfBirth = "2011-03-14",
                childSex = "Female",
                childPreferredLanguage = "Welsh",
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}

public sealed class SqliteOpenApiContractTests(SqliteAppFactory factory) : OpenApiContractTests<SqliteAppFactory>(factory);

public sealed class PostgresOpenApiContractTests(PostgresAppFactory factory) : OpenApiContractTests<PostgresAppFactory>(factory);
