using System.Text;
using CaseManagement.Domain.Children;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>The referrals API, the same cases on SQLite and PostgreSQL.</summary>
public abstract class ReferralApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    internal static object ValidReferral(string givenName = "Gwilym", string familyName = "Parry") => new
    {
        source = "PoliceNeighbourhoodTeam",
        referrerName = "PC Rhys Davies",
        policeOccurrenceReference = "62230055555",
        concerns = "Seen with older young people at the skate park late at night.",
        urgency = "Routine",
        consent = "ChildAndFamily",
        lawfulBasis = "Consent",
        childGivenName = givenName,
        childFamilyName = familyName,
        childDateOfBirth = "2012-05-14",
        childSex = "Male",
        childPostcode = "cf37 2ab",
        childPreferredLanguage = "Welsh",
    };

    [SkippableFact]
    public async Task List_NotSignedIn_Is401ProblemDetails()
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [SkippableFact]
    public async Task List_SignedIn_ReturnsTheSeededReferralsNewestFirst()
    {
        using var client = await factory.SignedInAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=3");

        Assert.True(page.GetProperty("totalCount").GetInt32() >= 8);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        var received = items.Select(i => i.GetProperty("receivedAtUtc").GetDateTime()).ToList();
        Assert.Equal(received.OrderDescending(), received);
    }

    [SkippableFact]
    public async Task Submit_ValidReferral_Is201AndCanBeReadBack()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/v1/referrals", ValidReferral("Gwilym", "Parry-" + factory.Provider));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^R-[0-9]{6}-[A-Z2-9]{6}$", created.GetProperty("reference").GetString());
        Assert.Equal("CF37 2AB", created.GetProperty("childPostcode").GetString());
        Assert.Equal("Cwm Taf Prevention Team", created.GetProperty("teamName").GetString());
        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal(created.GetProperty("id").GetGuid(), read.GetProperty("id").GetGuid());
        Assert.Equal("2012-05-14", read.GetProperty("childDateOfBirth").GetString());
        // Nobody of that name is known: matching registered a new child and the referral went on to screening.
        Assert.Equal("Screening", read.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, read.GetProperty("childId").ValueKind);
        Assert.Equal(["Received", "Screening"], read.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("toStatus").GetString()));
    }

    [SkippableFact]
    public async Task Submit_ReferenceDrawnTwiceOnEveryTry_Is409ProblemDetailsInTheLanguageAsked_NothingSaved()
    {
        // Decision 0095: a reference is random, so two referrals can draw the same one. The first clash is sent again
        // with a new one (IRunsAgainAfterALostRace); here every try draws an existing reference, as no real run could.
        using var signedIn = await factory.SignedInAsync();
        var taken = (await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("items")[0].GetProperty("reference").GetString()!;
        var token = await factory.AccessTokenAsync("casemanager@demo.example");
        await using var colliding = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.ConfigureDbContext<CaseManagement.Infrastructure.Persistence.AppDbContext>(db => db.AddInterceptors(new SameReference(taken)), ServiceLifetime.Singleton)));
        using var client = colliding.CreateClient(factory.ClientOptions);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var family = "Clash-" + factory.Provider;

        var english = await client.PostAsJsonAsync("/api/v1/referrals", ValidReferral("Gwilym", family));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(ValidReferral("Gwilym", family)) };
        request.Headers.AcceptLanguage.ParseAdd("cy");
        var welsh = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        Assert.Equal("application/problem+json", english.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The request clashed with another saved at the same moment.", (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, welsh.StatusCode);
        Assert.Equal("Ni chadwyd dim ohono. Anfonwch ef eto.", (await welsh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(0, (await signedIn.GetFromJsonAsync<JsonElement>($"/api/v1/referrals?search={family}")).GetProperty("totalCount").GetInt32());
    }

    /// <summary>Gives every referral being added the reference of one already saved.</summary>
    private sealed class SameReference(string taken) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            foreach (var added in eventData.Context!.ChangeTracker.Entries<Domain.Referrals.Referral>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added))
            {
                added.Property(r => r.Reference).CurrentValue = taken;
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    [SkippableFact]
    public async Task Submit_WithEvidenceOfWhoTheChildIs_ReadsItBack()
    {
        using var client = await factory.SignedInAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ValidReferral("Gwilym", "Evidence-" + factory.Provider)))!;
        body["childHouseNumberOrName"] = "Ty Gwyn";
        body["childStreet"] = "Heol y Nant";
        body["childTown"] = "Pontypridd";
        body["childSchool"] = "Ysgol Gyfun Cwm Rhondda";
        body["parentOrCarerNames"] = new[] { "Sian Parry", "Gareth Parry" };
        body["childEmail"] = "sian.parry@example.com";
        body["childPhone"] = "07700 900123";
        body["childOtherIdentifier"] = "SC-40213";
        body["childOtherIdentifierIssuer"] = "localAuthority";

        var response = await client.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal("Ty Gwyn", read.GetProperty("childHouseNumberOrName").GetString());
        Assert.Equal("Heol y Nant", read.GetProperty("childStreet").GetString());
        Assert.Equal("Pontypridd", read.GetProperty("childTown").GetString());
        Assert.Equal(["Sian Parry", "Gareth Parry"], read.GetProperty("parentOrCarerNames").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("sian.parry@example.com", read.GetProperty("childEmail").GetString());
        Assert.Equal("07700 900123", read.GetProperty("childPhone").GetString());
        Assert.Equal("SC-40213", read.GetProperty("childOtherIdentifier").GetString());
        Assert.Equal("LocalAuthority", read.GetProperty("childOtherIdentifierIssuer").GetString());
    }

    [SkippableFact]
    public async Task Submit_WhoseContactItIs_ReadsItBackOnTheReferralAndTheChild()
    {
        // Decision 0092: the child's own phone and a parent's e-mail, said so by the sender, kept as said.
        using var client = await factory.SignedInAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ValidReferral("Gwilym", "Owner-" + factory.Provider)))!;
        body["childEmail"] = "sian.parry@example.com";
        body["childEmailOwner"] = "parentOrCarer";
        body["childPhone"] = "07700 900123";
        body["childPhoneOwner"] = "Child";

        var response = await client.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal("ParentOrCarer", read.GetProperty("childEmailOwner").GetString());
        Assert.Equal("Child", read.GetProperty("childPhoneOwner").GetString());
        var childId = read.GetProperty("childId").GetGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var child = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Children.AsNoTracking().SingleAsync(c => c.Id == childId);
        Assert.Equal((ContactOwner?)ContactOwner.ParentOrCarer, child.EmailOwner);
        Assert.Equal((ContactOwner?)ContactOwner.Child, child.PhoneOwner);
    }

    [SkippableFact]
    public async Task Submit_UnknownContactOwner_Is400ProblemDetailsNamingTheField()
    {
        using var client = await factory.SignedInAsync();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(ValidReferral("Gwilym", "Owner-" + factory.Provider)))!;
        body["childPhone"] = "07700 900123";
        body["childPhoneOwner"] = "Uncle";
        var before = await CountAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/referrals", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Select whose telephone number this is: the child's own, or a parent's or carer's.", errors.GetProperty("childPhoneOwner")[0].GetString());
        Assert.Equal(before, await CountAsync(client));
    }

    private static async Task<int> CountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32();

    private static HttpRequestMessage Submission(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [SkippableFact]
    public async Task Submit_RetriedWithTheSameKey_CreatesOneReferralAndAnswersTheSame()
    {
        using var client = await factory.SignedInAsync();
        var before = await CountAsync(client);
        var key = Guid.NewGuid().ToString();

        var first = await client.SendAsync(Submission(key, ValidReferral("Iolo", "Retry")));
        var retry = await client.SendAsync(Submission(key, ValidReferral("Iolo", "Retry")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(firstId, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(before + 1, await CountAsync(client));
    }

    [SkippableFact]
    public async Task Submit_RetriesRacingWithOneKey_CreateOneReferral()
    {
        using var client = await factory.SignedInAsync();
        var before = await CountAsync(client);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SendAsync(Submission(key, ValidReferral("Nesta", "Race")))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var ids = await Task.WhenAll(answers.Select(async a => (await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await CountAsync(client));
    }

    [SkippableFact]
    public async Task Submit_KeyReusedForADifferentReferral_Is422AndCreatesNothing()
    {
        using var client = await factory.SignedInAsync();
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Submission(key, ValidReferral("Alys", "First")));
        var before = await CountAsync(client);

        var reused = await client.SendAsync(Submission(key, ValidReferral("Alys", "Second")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync(client));
    }

    [SkippableFact]
    public async Task Submit_InvalidThenCorrectedWithTheSameKey_CreatesTheCorrectedReferral()
    {
        using var client = await factory.SignedInAsync();
        var key = Guid.NewGuid().ToString();

        var invalid = await client.SendAsync(Submission(key, new { source = "Education" }));
        var corrected = await client.SendAsync(Submission(key, ValidReferral("Gruff", "Corrected")));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [SkippableFact]
    public async Task Submit_WithANewKey_LooksForNoEarlierSendAndReadsNoTeam_AndItsRetryIsReplayed()
    {
        // Decision 0096: a key the filter looked up and did not find has no work under it (its record is saved with the
        // work, 0075), so the handler does not look for an earlier send; the team's name is kept once read.
        var token = await factory.AccessTokenAsync("casemanager@demo.example");
        var statements = new Statements();
        await using var counted = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(statements), ServiceLifetime.Singleton)));
        using var client = counted.CreateClient(factory.ClientOptions);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var before = await CountAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Submission(Guid.NewGuid().ToString(), ValidReferral("Heledd", "Warmed")))).StatusCode);
        var key = Guid.NewGuid().ToString();

        statements.Clear();
        var first = await client.SendAsync(Submission(key, ValidReferral("Owain", "Counted")));
        var sent = statements.Read();
        var retry = await client.SendAsync(Submission(key, ValidReferral("Owain", "Counted")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.DoesNotContain(sent, s => s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && s.Contains("SubmissionKey", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && s.Contains("teams", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var answered = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(answered.GetProperty("id").GetGuid(), (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal("Cwm Taf Prevention Team", answered.GetProperty("teamName").GetString());
        Assert.Equal(before + 2, await CountAsync(client));
    }

    [SkippableFact]
    public async Task Submit_NewKeyWhoseReferralIsSavedWithoutItsRecord_AnswersWithThatReferral_CreatesNothing()
    {
        // The referral a key made is there but the key's record is not (as a page's form token with the same value would
        // leave it): the handler no longer looks first (decision 0096), so the referrals' unique submission key refuses
        // the second, and the run again finds the first.
        using var client = await factory.SignedInAsync();
        var key = Guid.NewGuid().ToString();
        var first = await client.SendAsync(Submission(key, ValidReferral("Mabli", "Unrecorded")));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(1, await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteDeleteAsync());
        }

        var before = await CountAsync(client);

        var again = await client.SendAsync(Submission(key, ValidReferral("Mabli", "Unrecorded")));

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(before, await CountAsync(client));
    }

    /// <summary>The statements the app sends to the database, in order.</summary>
    private sealed class Statements : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _sent = new();

        public void Clear() => _sent.Clear();

        public List<string> Read() => [.. _sent];

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _sent.Enqueue(command.CommandText.TrimStart());
            return ValueTask.FromResult(result);
        }
    }

    [SkippableFact]
    public async Task Submit_MissingFields_Is400WithAnErrorForEachField()
    {
        using var client = await factory.SignedInAsync();
        var before = (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32();

        var response = await client.PostAsJsonAsync("/api/v1/referrals", new { source = "Education", urgency = "Routine", childSex = "Female", childPreferredLanguage = "English" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal("Enter the referrer's name.", errors.GetProperty("referrerName")[0].GetString());
        Assert.Equal("Enter the child's first name.", errors.GetProperty("childGivenName")[0].GetString());
        Assert.Equal("Enter the child's date of birth.", errors.GetProperty("childDateOfBirth")[0].GetString());
        var after = (await client.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=1")).GetProperty("totalCount").GetInt32();
        Assert.Equal(before, after);
    }

    [SkippableFact]
    public async Task Submit_MissingFieldsInWelshThenInEnglish_EachAnswerInItsOwnLanguage_InTheFormsOrder()
    {
        // Decision 0111: the submission's fixed rules are built once for the app; each request still reads its own
        // language, and the rules that ask the database (the team) keep their place among the others.
        using var client = await factory.SignedInAsync();
        var incomplete = new { source = "Education", urgency = "Routine", childSex = "Female", childPreferredLanguage = "English", teamId = Guid.NewGuid() };
        using var inWelsh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = JsonContent.Create(incomplete) };
        inWelsh.Headers.AcceptLanguage.ParseAdd("cy");

        var welsh = await client.SendAsync(inWelsh);
        var english = await client.PostAsJsonAsync("/api/v1/referrals", incomplete);

        Assert.Equal(HttpStatusCode.BadRequest, welsh.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, english.StatusCode);
        var welshErrors = (await welsh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var englishErrors = (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Rhowch enw'r atgyfeiriwr.", welshErrors.GetProperty("referrerName")[0].GetString());
        Assert.Equal("Nid yw'r tîm yn bodoli.", welshErrors.GetProperty("teamId")[0].GetString());
        Assert.Equal("Enter the referrer's name.", englishErrors.GetProperty("referrerName")[0].GetString());
        Assert.Equal("The team does not exist.", englishErrors.GetProperty("teamId")[0].GetString());
        var fields = englishErrors.EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(fields, welshErrors.EnumerateObject().Select(e => e.Name).ToList());
        Assert.True(fields.IndexOf("childDateOfBirth") < fields.IndexOf("teamId") && fields.IndexOf("teamId") < fields.IndexOf("consent"), string.Join(", ", fields));
    }

    [SkippableTheory]
    [InlineData("{ not json")]
    [InlineData("{\"source\": \"NotASource\"}")]
    [InlineData("{\"childDateOfBirth\": \"31/02/2012\"}")]
    public async Task Submit_UnreadableBody_Is400ProblemDetails(string body)
    {
        using var client = await factory.SignedInAsync();

        var response = await client.PostAsync("/api/v1/referrals", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Get_UnknownReferral_Is404ProblemDetails()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("correlationId").GetString()));
    }

    [SkippableTheory]
    [InlineData("/api/v1/referrals?pageSize=0")]
    [InlineData("/api/v1/referrals?pageSize=101")]
    [InlineData("/api/v1/referrals?page=0")]
    [InlineData("/api/v1/children?pageSize=1000")]
    public async Task List_OutOfRangePaging_Is400ProblemDetails(string url)
    {
        using var client = await factory.SignedInAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task Children_SignedIn_ListsSeededChildrenWithTheirReferralCounts()
    {
        using var client = await factory.SignedInAsync();

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/children");

        var children = page.GetProperty("items").EnumerateArray().ToList();
        var dafydd = Assert.Single(children, c => c.GetProperty("givenName").GetString() == "Dafydd");
        // Two seeded referrals, and "Dai Williams" (R-DEMO-0099), which matching linked to Dafydd (known as Dai) on arrival.
        Assert.Equal(3, dafydd.GetProperty("referralCount").GetInt32());
        Assert.Equal(children.Select(c => c.GetProperty("familyName").GetString()).Order(StringComparer.Ordinal), children.Select(c => c.GetProperty("familyName").GetString()));
    }

    [SkippableFact]
    public async Task Submit_ChildsName_NeverReachesTheLogs()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.PostAsJsonAsync("/api/v1/referrals", ValidReferral("Zebedee", "Quixotically"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var lines = factory.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("HTTP POST /api/v1/referrals responded 201", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Zebedee", StringComparison.OrdinalIgnoreCase) || l.Contains("Quixotically", StringComparison.OrdinalIgnoreCase) || l.Contains("CF37 2AB", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class SqliteReferralApiTests(SqliteAppFactory factory) : ReferralApiTests<SqliteAppFactory>(factory);

public sealed class PostgresReferralApiTests(PostgresAppFactory factory) : ReferralApiTests<PostgresAppFactory>(factory);

public sealed class SqlServerReferralApiTests(SqlServerAppFactory factory) : ReferralApiTests<SqlServerAppFactory>(factory);
