namespace CaseManagement.IntegrationTests.Api;

/// <summary>The changes feed a partner system polls for the decisions on the referrals it sent, on both databases.</summary>
public abstract class PartnerFeedTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Feed_GivesThePartnerEachDecisionOnItsReferralsOnce()
    {
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, Application.Common.Security.Scopes.ReferralsSubmit, Application.Common.Security.Scopes.ReferralsRead);
        var screener = await factory.SignedInAsync("casemanager@demo.example");
        var start = await partner.GetFromJsonAsync<JsonElement>("/api/v1/partner/referral-changes");
        var cursor = start.GetProperty("next").GetString();
        var ids = new List<Guid>();
        // Three different children, so that matching sends each straight to screening.
        foreach (var (given, family, born) in (ValueTuple<string, string, string>[])[("Elis", "Bowen", "2012-01-20"), ("Manon", "Tudur", "2010-06-02"), ("Osian", "Prydderch", "2013-09-11")])
        {
            var sent = await partner.PostAsJsonAsync("/api/v1/referrals", PartnerReferrals.Referral(await PartnerReferrals.TeamIdAsync(factory), given, $"{family}-{factory.Provider}", born));
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            ids.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        Assert.Equal(HttpStatusCode.OK, (await screener.PostAsync($"/api/v1/referrals/{ids[0]}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await screener.PostAsJsonAsync($"/api/v1/referrals/{ids[1]}/signpost", new { reason = "Families First, Abertawe." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await screener.PostAsJsonAsync($"/api/v1/referrals/{ids[2]}/decline", new { reason = "No concern for the team." })).StatusCode);

        var first = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/partner/referral-changes?limit=2{After(cursor)}");
        var second = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/partner/referral-changes?limit=2{After(first.GetProperty("next").GetString())}");
        var third = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/partner/referral-changes?limit=2{After(second.GetProperty("next").GetString())}");

        var changes = first.GetProperty("changes").EnumerateArray().Concat(second.GetProperty("changes").EnumerateArray()).ToList();
        Assert.Equal(ids, changes.Select(c => c.GetProperty("referralId").GetGuid()));
        Assert.Equal(["Accepted", "Signposted", "Declined"], changes.Select(c => c.GetProperty("status").GetString()));
        Assert.Equal("Families First, Abertawe.", changes[1].GetProperty("outcomeReason").GetString());
        // Nothing about the child beyond the decision: no names, no date of birth.
        Assert.DoesNotContain(changes[0].EnumerateObject(), p => p.Name.StartsWith("child", StringComparison.Ordinal));
        Assert.Empty(third.GetProperty("changes").EnumerateArray());
    }

    [SkippableFact]
    public async Task Feed_WithACursorItDidNotGive_Is400()
    {
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, Application.Common.Security.Scopes.ReferralsSubmit, Application.Common.Security.Scopes.ReferralsRead);

        var answer = await partner.GetAsync("/api/v1/partner/referral-changes?after=not-a-cursor");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
    }

    private static string After(string? cursor) => cursor is null ? string.Empty : "&after=" + Uri.EscapeDataString(cursor);
}

public sealed class SqlitePartnerFeedTests(SqliteAppFactory factory) : PartnerFeedTests<SqliteAppFactory>(factory);

public sealed class PostgresPartnerFeedTests(PostgresAppFactory factory) : PartnerFeedTests<PostgresAppFactory>(factory);
