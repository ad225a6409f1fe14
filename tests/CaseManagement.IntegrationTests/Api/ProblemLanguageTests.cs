using System.Net.Http.Headers;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>
/// A client that asks for Welsh with "Accept-Language: cy" alone, as Welsh browsers and partner systems send it, reads
/// the pages and the API's problem documents in Welsh; "en", or no header, in English (decision 0070).
/// </summary>
public abstract class ProblemLanguageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task BadReferral_AskedInWelshOrEnglish_TitleAndFieldMessagesInThatLanguage()
    {
        using var client = await factory.SignedInAsync();
        var referral = new
        {
            source = "PoliceNeighbourhoodTeam", referrerName = "", concerns = "Seen near the retail park late at night.", urgency = "Routine",
            consent = "ChildAndFamily", lawfulBasis = "Consent", childGivenName = "", childFamilyName = "Pryce", childDateOfBirth = "2012-05-14",
            childSex = "Female", childPreferredLanguage = "Welsh",
        };

        var welsh = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "cy", referral);
        var english = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "en", referral);
        var unasked = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", null, referral);

        Assert.Equal((HttpStatusCode.BadRequest, "Mae gwallau yn y cais."), (welsh.Status, welsh.Title));
        Assert.Equal("Rhowch enw'r atgyfeiriwr.", welsh.Errors("referrerName"));
        Assert.Equal("Rhowch enw cyntaf y plentyn.", welsh.Errors("childGivenName"));
        foreach (var problem in new[] { english, unasked })
        {
            Assert.Equal((HttpStatusCode.BadRequest, "The request has errors."), (problem.Status, problem.Title));
            Assert.Equal("Enter the referrer's name.", problem.Errors("referrerName"));
            Assert.Equal("Enter the child's first name.", problem.Errors("childGivenName"));
        }
    }

    [SkippableFact]
    public async Task UnreadableValues_AskedInWelshOrEnglish_EachFieldSaysWhatToSendWithoutDotNetTypeNames()
    {
        // What a partner's system may send: a date that does not exist, a sex the API does not know, a team id that is
        // not an id, and a list of names as one string.
        using var client = await factory.SignedInAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ReferralApiTests<TFactory>.ValidReferral("Gwilym", "Unread")))!;
        body["childDateOfBirth"] = "2010-02-31";
        body["childSex"] = "Robot";
        body["teamId"] = "team-1";
        body["parentOrCarerNames"] = "Sian Parry";

        var english = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "en", body);
        var welsh = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "cy", body);

        // The JSON reader stops at the first value it cannot read, so each is sent alone below as well.
        Assert.Equal((HttpStatusCode.BadRequest, "The request has errors."), (english.Status, english.Title));
        Assert.Equal((HttpStatusCode.BadRequest, "Mae gwallau yn y cais."), (welsh.Status, welsh.Title));
        foreach (var (field, value, inEnglish, inWelsh) in new[]
        {
            ("childDateOfBirth", (object)"2010-02-31", "Enter a real date, written as yyyy-mm-dd, like 2012-05-14.", "Rhowch ddyddiad go iawn, wedi'i ysgrifennu fel bbbb-mm-dd, fel 2012-05-14."),
            ("childSex", "Robot", "Use one of: NotKnown, Female, Male, NotStated.", "Defnyddiwch un o: NotKnown, Female, Male, NotStated."),
            ("teamId", "team-1", "Enter an id: a UUID, like 5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90.", "Rhowch ddynodydd: UUID, fel 5f0c3c1e-8a4b-4d7e-9a51-2b6f0d3e7c90."),
            ("parentOrCarerNames", "Sian Parry", "Send a list, in square brackets.", "Anfonwch restr, mewn cromfachau sgwâr."),
            ("parentOrCarerNames[0]", new[] { 7 }, "Enter text, in quotes.", "Rhowch destun, mewn dyfynodau."),
        })
        {
            var one = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ReferralApiTests<TFactory>.ValidReferral("Gwilym", "Unread")))!;
            one[field.Split('[')[0]] = value;
            var inOneLanguage = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "en", one);
            var inTheOther = await ProblemAsync(client, HttpMethod.Post, "/api/v1/referrals", "cy", one);
            Assert.Equal(inEnglish, inOneLanguage.Errors(field));
            Assert.Equal(inWelsh, inTheOther.Errors(field));
            Assert.DoesNotContain("System.", inOneLanguage.Body.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("CaseManagement.", inOneLanguage.Body.GetRawText(), StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task CommonRefusals_AskedInWelshOrEnglish_TitlesInThatLanguage()
    {
        using var caseManager = await factory.SignedInAsync();
        using var referrer = await factory.SignedInAsync("referrer@demo.example");
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        using var anonymous = factory.Anonymous();
        var (_, childId) = await TestCases.NewCaseAsync(manager);
        var restriction = new { reason = "Family contest the referral." };
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync($"/api/v1/children/{childId}/restriction", restriction)).StatusCode);
        var refusals = new (HttpClient Client, HttpMethod Method, string Url, object? Body, HttpStatusCode Status, string English, string Welsh)[]
        {
            (caseManager, HttpMethod.Get, $"/api/v1/cases/{Guid.NewGuid()}", null, HttpStatusCode.NotFound, "Not Found", "Heb ei ganfod"),
            (caseManager, HttpMethod.Get, "/api/v1/no-such-thing", null, HttpStatusCode.NotFound, "Not Found", "Heb ei ganfod"),
            (referrer, HttpMethod.Get, "/api/v1/cases", null, HttpStatusCode.Forbidden, "Your role does not allow this.", "Nid yw eich rôl yn caniatáu hyn."),
            (anonymous, HttpMethod.Get, "/api/v1/cases", null, HttpStatusCode.Unauthorized, "Unauthorized", "Heb awdurdod"),
            (manager, HttpMethod.Post, $"/api/v1/children/{childId}/restriction", restriction, HttpStatusCode.UnprocessableEntity, "The request breaks a rule.", "Mae'r cais yn torri rheol."),
        };

        foreach (var (client, method, url, body, status, englishTitle, welshTitle) in refusals)
        {
            var welsh = await ProblemAsync(client, method, url, "cy", body);
            var english = await ProblemAsync(client, method, url, "en", body);

            Assert.Equal((status, welshTitle), (welsh.Status, welsh.Title));
            Assert.Equal((status, englishTitle), (english.Status, english.Title));
        }

        // A rule's own words are the detail, in the language asked for too.
        var twice = await ProblemAsync(manager, HttpMethod.Post, $"/api/v1/children/{childId}/restriction", "cy", restriction);
        Assert.Equal("Mae prosesu cofnod y plentyn hwn eisoes wedi'i gyfyngu.", twice.Detail);
    }

    [SkippableFact]
    public async Task SignInPage_AskedInWelshAlone_IsWelsh()
    {
        using var browser = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sign-in");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy"));

        using var response = await browser.SendAsync(request);

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"cy\"", page, StringComparison.Ordinal);
        Assert.Contains("Mewngofnodi", page, StringComparison.Ordinal);
    }

    private static async Task<Problem> ProblemAsync(HttpClient client, HttpMethod method, string url, string? language, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        using var response = await client.SendAsync(request);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return new Problem(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private sealed record Problem(HttpStatusCode Status, JsonElement Body)
    {
        public string? Title => Body.GetProperty("title").GetString();

        public string? Detail => Body.TryGetProperty("detail", out var detail) ? detail.GetString() : null;

        /// <summary>The field's messages, one a line.</summary>
        public string Errors(string field) => string.Join('\n', Body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }
}

public sealed class SqliteProblemLanguageTests(SqliteAppFactory factory) : ProblemLanguageTests<SqliteAppFactory>(factory);

public sealed class PostgresProblemLanguageTests(PostgresAppFactory factory) : ProblemLanguageTests<PostgresAppFactory>(factory);

public sealed class SqlServerProblemLanguageTests(SqlServerAppFactory factory) : ProblemLanguageTests<SqlServerAppFactory>(factory);

/// <summary>The refusal of the rate limiter, with the production-like limit of three a minute, in the language asked for.</summary>
public sealed class RateLimitLanguageTests(Security.RateLimitedAppFactory factory) : IClassFixture<Security.RateLimitedAppFactory>
{
    [Fact]
    public async Task Token_TooManyRequestsAskedInWelsh_Is429WithTheWelshTitle()
    {
        using var client = factory.Anonymous();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            refused?.Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email = "nobody@demo.example", password = "x" }) };
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy"));
            refused = await client.SendAsync(request);
        }

        using (refused)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused!.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Gormod o geisiadau. Arhoswch funud a rhowch gynnig arall arni.", problem.GetProperty("title").GetString());
        }
    }
}
