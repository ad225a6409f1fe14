using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// Drives the API as described by its own OpenAPI document (read from the running app, so a new endpoint is covered the
/// day it is added) with what a careless or hostile client may send: nulls inside lists, unknown ids, dates at the ends
/// of the calendar, extreme numbers, wrong types, oversize strings and broken bodies, with path ids that exist and ids
/// that do not. Whatever is sent, the answer is never a 5xx, and every refusal is a problem document.
/// </summary>
public abstract class BadInputTests<TFactory>(TFactory factory, ITestOutputHelper output) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string TeamManagerEmail = "teammanager@demo.example";
    private const string AdministratorEmail = "admin@demo.example";
    private const string AuditorEmail = "auditor@demo.example";

    private static readonly string Oversize = new('x', 100_000);

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    [SkippableFact]
    public async Task EveryWriteEndpoint_BadBodiesAndIds_NeverAnswers5xx()
    {
        var api = await OpenApi.LoadAsync(factory.Anonymous());
        var targets = await Targets.ForAsync(factory);
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in api.Operations.Where(o => o.Method is "POST" or "PUT" or "PATCH" or "DELETE"))
        {
            var client = await ClientForAsync(operation.Path);
            var baseline = operation.BodySchema is { } schema ? api.Sample(schema, null, targets) : null;
            var attempts = new List<(string What, string Url, HttpContent? Body)>();
            foreach (var (what, body) in baseline is null ? [] : BodyMutations(api, operation.BodySchema!.Value, baseline))
            {
                attempts.Add((what, operation.Url(targets, real: true), Json(body)));
            }

            if (baseline is not null)
            {
                attempts.Add(("no body", operation.Url(targets, real: true), null));
                foreach (var raw in new[] { "null", "[]", "\"text\"", "{", "{\"a\":" + new string('[', 100) + new string(']', 100) + "}" })
                {
                    attempts.Add(($"body {Shorten(raw)}", operation.Url(targets, real: true), new StringContent(raw, Encoding.UTF8, "application/json")));
                }
            }

            attempts.Add(("unknown path ids", operation.Url(targets, real: false), Json(baseline)));
            foreach (var (what, url) in operation.PathMutations(targets))
            {
                attempts.Add((what, url, Json(baseline)));
            }

            attempts.Add(("baseline", operation.Url(targets, real: true), Json(baseline)));
            foreach (var (what, url, body) in attempts)
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url) { Content = body };
                using var response = await client.SendAsync(request);
                sent++;
                Check(response, $"{operation.Method} {operation.Path} [{what}]", failures);
                if (what == "baseline")
                {
                    // How deep the sensible request got (a 422 is a rule of the record's state), for whoever extends the samples.
                    output.WriteLine($"{operation.Method} {operation.Path} baseline: {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"{sent} requests sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not answered with a 4xx problem document:\n" + string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task EveryQueryParameter_ExtremeAndWrongValues_NeverAnswers5xx()
    {
        var api = await OpenApi.LoadAsync(factory.Anonymous());
        var targets = await Targets.ForAsync(factory);
        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in api.Operations.Where(o => o.Method == "GET"))
        {
            var client = await ClientForAsync(operation.Path);
            var urls = new List<(string What, string Url)> { ("unknown path ids", operation.Url(targets, real: false)) };
            urls.AddRange(operation.PathMutations(targets));
            foreach (var parameter in operation.Query)
            {
                foreach (var value in ValuesFor(api.Resolve(parameter.Schema)))
                {
                    var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? string.Empty;
                    urls.Add(($"{parameter.Name}={Shorten(text)}", operation.Url(targets, real: true) + "?" + parameter.Name + "=" + Uri.EscapeDataString(text)));
                }
            }

            foreach (var (what, url) in urls)
            {
                using var response = await client.GetAsync(url);
                sent++;
                Check(response, $"GET {operation.Path} [{what}]", failures);
            }
        }

        output.WriteLine($"{sent} requests sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bad requests were not answered with a 4xx problem document:\n" + string.Join("\n", failures));
    }

    [SkippableTheory]
    [InlineData("PUT", "/api/v1/assessments/{assessment}/areas/ChildsDevelopment", "{\"areas\":[null]}", "areas[0]")]
    [InlineData("PUT", "/api/v1/assessments/{assessment}/adversity", "{\"answers\":[null]}", "answers[0]")]
    [InlineData("POST", "/api/v1/cases/{case}/reviews", "{\"heldOn\":\"2025-01-10\",\"goals\":[{\"goalId\":\"{goal}\",\"progress\":5,\"status\":\"Active\"},null],\"childView\":\"Happy with it\",\"decision\":\"Continue\",\"nextReviewDue\":\"2025-04-10\"}", "goals[1]")]
    public async Task ListWithANullItem_Is400NamingTheItem(string method, string path, string body, string field)
    {
        var targets = await Targets.ForAsync(factory);
        var client = await ClientForAsync(path);
        var url = path.Replace("{assessment}", targets.PathIds["assessments"], StringComparison.Ordinal).Replace("{case}", targets.PathIds["cases"], StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = new StringContent(body.Replace("{goal}", targets.PathIds["goals"], StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };

        using var response = await client.SendAsync(request);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal(["The list must not have an empty item."], errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task SubmitReferral_UnknownReferrerAgency_Is400NamingTheField()
    {
        var client = await ClientForAsync("/api/v1/referrals");
        var referral = JsonNode.Parse(JsonSerializer.Serialize(ValidReferral()))!;
        referral["referrerAgencyId"] = Guid.NewGuid().ToString();

        using var response = await client.PostAsync("/api/v1/referrals", Json(referral));

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal("The agency does not exist.", errors.GetProperty("referrerAgencyId")[0].GetString());
    }

    [SkippableTheory]
    [InlineData("childOtherIdentifierIssuer", "\"Coastguard\"", "childOtherIdentifierIssuer", "Select who issued the other identifier.")]
    [InlineData("childOtherIdentifierIssuer", "\"3\"", "childOtherIdentifierIssuer", "Select who issued the other identifier.")]
    [InlineData("childOtherIdentifierIssuer", null, "childOtherIdentifierIssuer", "Select who issued the other identifier.")]
    [InlineData("childOtherIdentifier", "\"OVERSIZE\"", "childOtherIdentifier", "The other identifier must be 50 characters or fewer.")]
    [InlineData("childTown", "\"OVERSIZE\"", "childTown", "The town or village must be 100 characters or fewer.")]
    [InlineData("childStreet", "\"OVERSIZE\"", "childStreet", "The street must be 200 characters or fewer.")]
    [InlineData("childHouseNumberOrName", "\"OVERSIZE\"", "childHouseNumberOrName", "The house number or name must be 100 characters or fewer.")]
    [InlineData("childEmail", "\"at home\"", "childEmail", "Enter the child's or family's email address in the correct format, like name@example.com.")]
    [InlineData("childPhone", "\"ring the school\"", "childPhone", "Enter the child's or family's telephone number, like 07700 900123.")]
    [InlineData("parentOrCarerNames", "[null]", "parentOrCarerNames[0]", "The list must not have an empty item.")]
    [InlineData("parentOrCarerNames", "[\"Sian Pryce\", \"\"]", "parentOrCarerNames[1]", "Enter the parent's or carer's name.")]
    [InlineData("parentOrCarerNames", "[\"OVERSIZE\"]", "parentOrCarerNames[0]", "A parent's or carer's name must be 100 characters or fewer.")]
    [InlineData("parentOrCarerNames", "[\"Sian\\nPryce\"]", "parentOrCarerNames[0]", "A parent's or carer's name must be on one line.")]
    [InlineData("parentOrCarerNames", "[\"A\", \"B\", \"C\", \"D\", \"E\"]", "parentOrCarerNames", "Give at most 4 parents' or carers' names.")]
    public async Task SubmitReferral_BadEvidenceOfWhoTheChildIs_Is400WithTheRulesWords(string property, string? json, string field, string message)
    {
        var client = await ClientForAsync("/api/v1/referrals");
        var referral = JsonNode.Parse(JsonSerializer.Serialize(ValidReferral()))!;
        referral["childOtherIdentifier"] = "SC-40213";
        referral["childOtherIdentifierIssuer"] = "LocalAuthority";
        referral[property] = json is null ? null : JsonNode.Parse(json.Replace("OVERSIZE", Oversize, StringComparison.Ordinal));

        using var response = await client.PostAsync("/api/v1/referrals", Json(referral));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains(message, errors.GetProperty(field).EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableFact]
    public async Task SubmitReferral_NulCharacterInAName_Is400NamingTheField()
    {
        var client = await ClientForAsync("/api/v1/referrals");
        var referral = JsonNode.Parse(JsonSerializer.Serialize(ValidReferral()))!;
        referral["childFamilyName"] = "Pryce\u0000";

        using var response = await client.PostAsync("/api/v1/referrals", Json(referral));

        var errors = await ProblemErrorsAsync(response);
        Assert.Contains("NUL character", errors.GetProperty("$.childFamilyName")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("/api/v1/audit?to=9999-12-31", "to")]
    [InlineData("/api/v1/audit/export?to=9999-12-31", "to")]
    [InlineData("/api/v1/audit?from=0001-01-02", "from")]
    [InlineData("/api/v1/team/outcomes?from=2025-01-01&to=9999-12-31", "to")]
    public async Task DateFilter_AtTheEndsOfTheCalendar_Is400NamingTheField(string url, string field)
    {
        var client = await ClientForAsync(url.StartsWith("/api/v1/audit", StringComparison.Ordinal) ? url : "/api/v1/team");

        using var response = await client.GetAsync(url);

        var errors = await ProblemErrorsAsync(response);
        Assert.Equal("The date must be between 1900 and 2199.", errors.GetProperty(field)[0].GetString());
    }

    [SkippableFact]
    public async Task AuditExportPage_EndDateAtTheEndOfTime_ShowsTheErrorBesideTheFilters()
    {
        using var auditor = await factory.SignedInAsync(AuditorEmail);

        using var export = await auditor.GetAsync("/audit/export?to=9999-12-31");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal("/audit?to=9999-12-31", export.Headers.Location!.OriginalString);
        using var page = await auditor.GetAsync(export.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The date must be between 1900 and 2199.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task IdempotencyKey_Unreadable_Is400ProblemWithTheCorrelationId()
    {
        var client = await ClientForAsync("/api/v1/referrals");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = Json(JsonNode.Parse(JsonSerializer.Serialize(ValidReferral()))) };
        request.Headers.Add("Idempotency-Key", new string('k', 201));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertCarriesTheCorrelationIdAsync(response);
    }

    [SkippableFact]
    public async Task IdempotencyKey_ReusedForAnotherRequest_Is422ProblemWithTheCorrelationId()
    {
        var client = await ClientForAsync("/api/v1/referrals");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Submission(string familyName)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/referrals") { Content = Json(JsonNode.Parse(JsonSerializer.Serialize(ValidReferral(familyName)))) };
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        using var first = await client.SendAsync(Submission("Key-First"));
        using var reused = await client.SendAsync(Submission("Key-Second"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        await AssertCarriesTheCorrelationIdAsync(reused);
    }

    [SkippableFact]
    public async Task UndoLink_OfAReferralLinkedToANewChild_PutsTheChildBackForADecision()
    {
        var client = await ClientForAsync("/api/v1/referrals");
        using var submitted = await client.PostAsync("/api/v1/referrals", Json(JsonNode.Parse(JsonSerializer.Serialize(ValidReferral("Undone-" + factory.Provider, "Morwenna")))));
        var referral = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        var id = referral.GetProperty("id").GetString();
        var childId = referral.GetProperty("childId").GetString();

        using var undone = await client.PostAsync($"/api/v1/referrals/{id}/undo-link", Json(new JsonObject { ["reason"] = "Linked to the wrong record" }));

        Assert.True(undone.StatusCode == HttpStatusCode.NoContent, await undone.Content.ReadAsStringAsync());
        var matches = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/referrals/{id}/matches")).RootElement;
        Assert.Single(matches.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("childId").GetString() == childId);
    }

    /// <summary>A referral the team manager may send, from a partner's system, for a child nobody else is called.</summary>
    private static object ValidReferral(string familyName = "Input", string givenName = "Bethan") => new
    {
        source = "PoliceNeighbourhoodTeam",
        referrerName = "PC Rhys Davies",
        concerns = "Seen with older young people at the skate park late at night.",
        urgency = "Routine",
        consent = "ChildAndFamily",
        lawfulBasis = "Consent",
        childGivenName = givenName,
        childFamilyName = familyName + "-" + Guid.NewGuid().ToString("N")[..6],
        // A different day each time, so that no two referrals of these tests look like the same child.
        childDateOfBirth = new DateOnly(2011, 1, 1).AddDays(Random.Shared.Next(0, 900)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        childSex = "Female",
        childPreferredLanguage = "Welsh",
    };

    private static async Task<JsonElement> ProblemErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
    }

    private static async Task AssertCarriesTheCorrelationIdAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(response.Headers.GetValues("X-Correlation-ID").Single(), problem.GetProperty("correlationId").GetString());
    }

    private static void Check(HttpResponseMessage response, string what, List<string> failures)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"{what}: {status}");
        }
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {status} without a problem document ({response.Content.Headers.ContentType?.MediaType ?? "no content type"})");
        }
    }

    private static string Shorten(string text) => text.Length > 24 ? text[..20] + $"...({text.Length})" : text;

    private static StringContent? Json(JsonNode? body) =>
        body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The baseline body with one value changed at a time, at every depth (the first item of each list stands for all).</summary>
    private static IEnumerable<(string What, JsonNode Body)> BodyMutations(OpenApi api, JsonElement schema, JsonNode baseline)
    {
        var points = new List<(string Path, JsonElement Schema, Func<JsonNode, JsonNode?, JsonNode> Set)>();
        Walk(api, schema, baseline, string.Empty, points, depth: 0);
        foreach (var (path, propertySchema, set) in points)
        {
            foreach (var value in ValuesFor(api.Resolve(propertySchema)))
            {
                var body = baseline.DeepClone();
                set(body, value?.DeepClone());
                yield return ($"{path}={Shorten(value?.ToJsonString() ?? "null")}", body);
            }

            // A list holding null, alone and beside a good item, and a good item twice.
            if (api.Resolve(propertySchema) is { } resolved && Type(resolved) == "array" && resolved.TryGetProperty("items", out var items))
            {
                var item = api.Sample(items, null, targets: null);
                foreach (var (what, list) in new (string, JsonNode?[])[] { ("[null]", [null]), ("[null, item]", [null, item]), ("[item, item]", [item?.DeepClone(), item?.DeepClone()]) })
                {
                    var body = baseline.DeepClone();
                    set(body, new JsonArray(list.Select(i => i?.DeepClone()).ToArray()));
                    yield return ($"{path}={what}", body);
                }
            }
        }
    }

    private static void Walk(OpenApi api, JsonElement schema, JsonNode node, string path, List<(string Path, JsonElement Schema, Func<JsonNode, JsonNode?, JsonNode> Set)> points, int depth)
    {
        var resolved = api.Resolve(schema);
        if (depth > 4 || !resolved.TryGetProperty("properties", out var properties))
        {
            return;
        }

        foreach (var property in properties.EnumerateObject())
        {
            var name = property.Name;
            var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
            var segments = propertyPath.Split('.');
            points.Add((propertyPath, property.Value, (root, value) =>
            {
                Locate(root, segments[..^1])![segments[^1]] = value;
                return root;
            }));
            var propertySchema = api.Resolve(property.Value);
            if (node is JsonObject obj && obj[name] is JsonArray { Count: > 0 } array && propertySchema.TryGetProperty("items", out var items) && array[0] is JsonObject)
            {
                Walk(api, items, array[0]!, propertyPath + ".0", points, depth + 1);
            }
            else if (node is JsonObject o && o[name] is JsonObject child)
            {
                Walk(api, property.Value, child, propertyPath, points, depth + 1);
            }
        }
    }

    private static JsonObject? Locate(JsonNode root, string[] segments)
    {
        var node = root;
        foreach (var segment in segments)
        {
            node = int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? node?[index] : node?[segment];
        }

        return node as JsonObject;
    }

    private static string? Type(JsonElement schema) =>
        schema.TryGetProperty("enum", out _) ? "enum" : schema.TryGetProperty("type", out var type) ? type.GetString() : schema.TryGetProperty("properties", out _) ? "object" : null;

    /// <summary>Values a client should be refused for (or may be allowed, but never crash on), by the kind of the value.</summary>
    private static IEnumerable<JsonNode?> ValuesFor(JsonElement schema)
    {
        yield return null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (Type(schema), format)
        {
            case ("string", "date"):
                foreach (var date in new[] { "9999-12-31", "0001-01-01", "2023-02-30", "31/12/2023", "2023-13-01T00:00:00" })
                {
                    yield return date;
                }

                yield return 20230101;
                break;
            case ("string", "date-time"):
                foreach (var time in new[] { "9999-12-31T23:59:59.9999999Z", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+14:00", "not a time" })
                {
                    yield return time;
                }

                break;
            case ("string", "uuid"):
                yield return Guid.NewGuid().ToString();
                yield return Guid.Empty.ToString();
                yield return "not-a-uuid";
                yield return 12;
                break;
            case ("string", _):
                yield return Oversize;
                yield return "before\u0000after";
                yield return "   ";
                yield return 12345;
                yield return new JsonObject { ["a"] = 1 };
                break;
            case ("integer", _):
                yield return int.MaxValue;
                yield return int.MinValue;
                yield return -1;
                yield return long.MaxValue;
                yield return 1.5;
                yield return JsonNode.Parse("1e30");
                yield return "12";
                break;
            case ("number", _):
                yield return double.MaxValue;
                yield return double.MinValue;
                yield return -1;
                yield return "NaN";
                break;
            case ("boolean", _):
                yield return "yes";
                yield return 1;
                break;
            case ("enum", _):
                yield return "NoSuchValue";
                yield return 99999;
                yield return -1;
                yield return string.Empty;
                yield return new JsonArray();
                break;
            case ("array", _):
                yield return "not a list";
                yield return new JsonObject();
                break;
            case ("object", _):
                yield return new JsonArray();
                yield return "not an object";
                break;
        }
    }

    private async Task<HttpClient> ClientForAsync(string path)
    {
        var email = path.StartsWith("/api/v1/admin", StringComparison.Ordinal) ? AdministratorEmail
            : path.StartsWith("/api/v1/audit", StringComparison.Ordinal) ? AuditorEmail
            : path.StartsWith("/api/v1/auth", StringComparison.Ordinal) ? null
            : TeamManagerEmail;
        var key = email ?? "anonymous";
        if (_clients.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var client = factory.Anonymous();
        if (email is not null)
        {
            // Signing in through the pages turns on two-factor sign-in where the role needs it, and the factory keeps the
            // session and its token for the class. Asking the token endpoint again here would need a fresh authenticator
            // code, and the app takes each code once: every test after the first few waited up to 30 s for the next one.
            using var signedIn = await factory.SignedInAsync(email);
            client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        }

        _clients[key] = client;
        return client;
    }

    /// <summary>Real records of the demo team for the path and body ids: the team manager may act on each.</summary>
    internal sealed record Targets(Dictionary<string, string> PathIds, Dictionary<string, string> BodyIds)
    {
        // Created once per app (the tests of a class share it): a second set would clash with the first, and the decisions
        // of the first test leave no referral waiting for the second.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<Targets>> Created = [];

        public static Task<Targets> ForAsync(AppFactory factory)
        {
            lock (Created)
            {
                return Created.GetValue(factory, f => CreateAsync(f.Services));
            }
        }

        private static async Task<Targets> CreateAsync(IServiceProvider services)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CaseManagement.Infrastructure.Identity.ApplicationUser>>();
            var now = DateTime.UtcNow;
            var teamId = await db.Teams.Select(t => t.Id).FirstAsync();
            var agencyId = await db.Agencies.Select(a => a.Id).FirstAsync();
            var referral = await db.Referrals.Where(r => r.Reference == "R-DEMO-0001").Select(r => new { r.Id, CaseId = r.CaseId!.Value }).SingleAsync();
            var found = await db.Cases.Include(c => c.Members).SingleAsync(c => c.Id == referral.CaseId);
            var caseManager = (await users.FindByEmailAsync("casemanager@demo.example"))!;
            var practitioner = await users.FindByEmailAsync("practitioner@demo.example");
            var teamManager = await users.FindByEmailAsync(TeamManagerEmail);

            var details = new CaseManagement.Domain.Children.PersonDetails("Bad", "Input", null, new DateOnly(2012, 1, 1), CaseManagement.Domain.Children.Sex.NotKnown, null, CaseManagement.Domain.Children.PreferredLanguage.English);
            var survivor = CaseManagement.Domain.Children.Child.Register(teamId, details, now);
            var merged = CaseManagement.Domain.Children.Child.Register(teamId, details, now);
            db.Children.AddRange(survivor, merged);
            await db.SaveChangesAsync();
            merged.MergeInto(survivor.Id, now);
            var merge = new CaseManagement.Domain.Children.ChildMerge(survivor.Id, merged.Id, "Bad input", [], now, null);
            db.ChildMerges.Add(merge);
            var candidates = Enumerable.Range(0, 2).Select(_ => CaseManagement.Domain.Children.Child.Register(teamId, details, now)).ToList();
            db.Children.AddRange(candidates);

            var goal = CaseManagement.Domain.Cases.Goal.Set(found, "Bad input goal", CaseManagement.Domain.Cases.GoalOwner.Child, null, null, now, null);
            db.Goals.Add(goal);
            var entry = CaseManagement.Domain.Timeline.TimelineEntry.ByPractitioner(
                found.ChildId, found.Id, CaseManagement.Domain.Timeline.TimelineCategory.ContactSession, DateOnly.FromDateTime(now), false, "Bad input",
                null, CaseManagement.Domain.Timeline.TimelineVisibility.EveryoneOnTheCase, now, teamManager!.Id);
            db.TimelineEntries.Add(entry);
            var assessment = await db.Assessments.Where(a => a.CaseId == found.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync();
            if (assessment is null)
            {
                assessment = CaseManagement.Domain.Assessments.Assessment.Start(found, null, now, caseManager.Id);
                db.Assessments.Add(assessment);
            }

            var notification = new CaseManagement.Domain.Notifications.Notification(CaseManagement.Domain.Notifications.NotificationKind.ReviewDueSoon, teamManager.Id, found.Id, teamId, DateOnly.FromDateTime(now), now);
            db.Notifications.Add(notification);

            // Issue 17: the case's plan, published once, and a meeting with a decision.
            var plan = await db.CasePlans.Include(p => p.Items).Include(p => p.Actions).Include(p => p.Exit).Include(p => p.Versions).SingleOrDefaultAsync(p => p.CaseId == found.Id)
                ?? CaseManagement.Domain.Work.CasePlan.Start(found, now, null);
            var item = plan.AddMyPlanItem(found, CaseManagement.Domain.Work.MyPlanSection.WhatIWant, "Bad input", now, null);
            var action = plan.AddAction(found, new CaseManagement.Domain.Work.PlanActionFields("Bad input", "Youth service", null, DateOnly.FromDateTime(now).AddDays(7)), [], [], now, null);
            var support = plan.AddExitSupport(found, CaseManagement.Domain.Work.ExitSupportKind.Person, null, "Nan", "Bad input", now, null);
            var version = plan.Publish(found, [], null, now, null);
            var meeting = CaseManagement.Domain.Work.MultiAgencyMeeting.Record(
                found, DateOnly.FromDateTime(now), CaseManagement.Domain.Work.MeetingKind.Planning, [new("Bad input", "Prevention team", null, false)], null, null,
                [new("Bad input", "Police", null, DateOnly.FromDateTime(now).AddDays(7))], now, null);
            if (db.Entry(plan).State == EntityState.Detached)
            {
                db.CasePlans.Add(plan);
            }

            db.Meetings.Add(meeting);
            var kind = await db.InterventionKinds.Where(k => k.TeamId == found.TeamId).OrderBy(k => k.SortOrder).FirstAsync();
            var intervention = CaseManagement.Domain.Work.Intervention.Offer(found, kind, new CaseManagement.Domain.Work.InterventionPlan(null, "Bad input", null, null, [], []), [], now, null);
            var onward = CaseManagement.Domain.Work.OnwardReferral.Refer(found, CaseManagement.Domain.Work.OnwardService.EarlyHelp, null, DateOnly.FromDateTime(now), null, now, null);
            db.Interventions.Add(intervention);
            db.OnwardReferrals.Add(onward);
            // Issue 17: a contact and a case note on the case, for the routes under them.
            var held = new CaseManagement.Domain.Work.ContactDetails(DateOnly.FromDateTime(now), now.AddHours(-1), 30, CaseManagement.Domain.Work.ContactKind.Office, null, true, null, [], [caseManager.Id], [], "Bad input", null);
            var contact = CaseManagement.Domain.Work.Contact.Record(Guid.NewGuid(), found, held, CaseManagement.Domain.Work.ContactOutcome.Attended, null, null, null, now, caseManager.Id).Contact;
            var note = CaseManagement.Domain.Work.CaseNote.Write(Guid.NewGuid(), found, CaseManagement.Domain.Work.CaseNoteCategory.General, CaseManagement.Domain.Timeline.TimelineVisibility.EveryoneOnTheCase, "Bad input", now, caseManager.Id);
            db.Contacts.Add(contact);
            db.CaseNotes.Add(note);
            await db.SaveChangesAsync();

            // A referral waiting for a duplicate decision (with the child it may be) and one in screening, so that the
            // decisions reach their handlers; the first good request decides them, the bad ones before it cannot.
            var awaiting = await db.MatchCandidates.Where(m => db.Referrals.Any(r => r.Id == m.ReferralId && r.Status == CaseManagement.Domain.Referrals.ReferralStatus.AwaitingDuplicateDecision))
                .OrderBy(m => m.ReferralId).Select(m => new { m.ReferralId, m.ChildId }).FirstAsync();
            var screening = await db.Referrals.Where(r => r.Status == CaseManagement.Domain.Referrals.ReferralStatus.Screening && r.ChildId != null).OrderBy(r => r.Reference).Select(r => r.Id).FirstAsync();

            // The id a path parameter names is decided by the path segment before it (".../cases/{id}" is a case),
            // or for a few operations by the operation.
            var pathIds = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["/api/v1/referrals/{id}/matches/{childId}/confirm referrals"] = awaiting.ReferralId.ToString(),
                ["/api/v1/referrals/{id}/matches/{childId}/confirm matches"] = awaiting.ChildId.ToString(),
                ["/api/v1/referrals/{id}/matches/{childId}/reject referrals"] = awaiting.ReferralId.ToString(),
                ["/api/v1/referrals/{id}/matches/{childId}/reject matches"] = awaiting.ChildId.ToString(),
                ["/api/v1/referrals/{id}/new-child referrals"] = awaiting.ReferralId.ToString(),
                ["/api/v1/referrals/{id}/undo-link referrals"] = screening.ToString(),
                ["/api/v1/referrals/{id}/accept referrals"] = screening.ToString(),
                ["/api/v1/referrals/{id}/signpost referrals"] = screening.ToString(),
                ["/api/v1/referrals/{id}/decline referrals"] = screening.ToString(),
                ["referrals"] = referral.Id.ToString(),
                ["matches"] = candidates[0].Id.ToString(),
                ["cases"] = found.Id.ToString(),
                ["assessments"] = assessment.Id.ToString(),
                ["goals"] = goal.Id.ToString(),
                ["timeline"] = entry.Id.ToString(),
                ["children"] = found.ChildId.ToString(),
                ["merges"] = merge.Id.ToString(),
                ["notifications"] = notification.Id.ToString(),
                ["caseloads"] = caseManager.Id.ToString(),
                ["practitioners"] = practitioner!.Id.ToString(),
                ["jobs"] = "review-reminders",
                ["my-plan"] = item.Id.ToString(),
                ["actions"] = action.Id.ToString(),
                ["exit"] = support.Id.ToString(),
                ["versions"] = version.Number.ToString(CultureInfo.InvariantCulture),
                ["meetings"] = meeting.Id.ToString(),
                ["decisions"] = meeting.Decisions.Single().Id.ToString(),
                ["interventions"] = intervention.Id.ToString(),
                ["onward-referrals"] = onward.Id.ToString(),
                ["intervention-kinds"] = kind.Id.ToString(),
                ["contacts"] = contact.Id.ToString(),
                ["notes"] = note.Id.ToString(),
                // Only a partner client may remove its webhooks; the bad ids and bodies are what is tested here.
                ["webhooks"] = Guid.NewGuid().ToString(),
                // Issue 19: a board meeting of the team, on a day.
                ["teams"] = teamId.ToString(),
                ["board-meetings"] = "2026-01-15",
            };
            var bodyIds = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["teamId"] = teamId.ToString(),
                ["referrerAgencyId"] = agencyId.ToString(),
                ["caseManagerUserId"] = caseManager.Id.ToString(),
                ["userId"] = practitioner.Id.ToString(),
                ["toUserId"] = teamManager.Id.ToString(),
                ["survivorChildId"] = candidates[0].Id.ToString(),
                ["mergedChildId"] = candidates[1].Id.ToString(),
                ["goalId"] = goal.Id.ToString(),
                ["assessmentId"] = assessment.Id.ToString(),
                ["kindId"] = kind.Id.ToString(),
                ["providerAgencyId"] = agencyId.ToString(),
            };
            return new Targets(pathIds, bodyIds);
        }
    }

    internal sealed record Parameter(string Name, JsonElement Schema);

    internal sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> PathParameters, IReadOnlyList<Parameter> Query, JsonElement? BodySchema, OpenApi Api)
    {
        /// <summary>The path with each parameter filled in: a real id (or name) of the demo team, or one that does not exist.</summary>
        public string Url(Targets targets, bool real)
        {
            var url = Path;
            foreach (var parameter in PathParameters)
            {
                url = url.Replace("{" + parameter.Name + "}", real ? RealValue(parameter, targets) : UnknownValue(parameter), StringComparison.Ordinal);
            }

            return url;
        }

        /// <summary>Each path parameter in turn replaced by a value of the wrong shape, the others real.</summary>
        public IEnumerable<(string What, string Url)> PathMutations(Targets targets)
        {
            foreach (var parameter in PathParameters)
            {
                foreach (var wrong in new[] { "not-an-id", "00000000-0000-0000-0000-000000000000", Uri.EscapeDataString(new string('9', 300)) })
                {
                    var url = Path;
                    foreach (var other in PathParameters)
                    {
                        url = url.Replace("{" + other.Name + "}", other == parameter ? wrong : RealValue(other, targets), StringComparison.Ordinal);
                    }

                    yield return ($"{parameter.Name}={Shorten(wrong)}", url);
                }
            }
        }

        private string RealValue(Parameter parameter, Targets targets)
        {
            var resolved = Api.Resolve(parameter.Schema);
            if (resolved.TryGetProperty("enum", out var values))
            {
                return values[0].GetString()!;
            }

            var segments = Path.Split('/');
            var before = segments[Array.IndexOf(segments, "{" + parameter.Name + "}") - 1];
            return targets.PathIds.TryGetValue($"{Path} {before}", out var id) || targets.PathIds.TryGetValue(before, out id)
                ? id
                : throw new InvalidOperationException($"No real record is known for {{{parameter.Name}}} after '{before}' in {Path}: add one to {nameof(Targets)}.");
        }

        private string UnknownValue(Parameter parameter) =>
            Api.Resolve(parameter.Schema) is var schema && schema.TryGetProperty("format", out var format) && format.GetString() == "uuid"
                ? Guid.NewGuid().ToString()
                : "no-such-thing";
    }

    /// <summary>The app's OpenAPI document, read as JSON.</summary>
    internal sealed class OpenApi
    {
        private readonly JsonElement _root;

        private OpenApi(JsonElement root)
        {
            _root = root;
            var operations = new List<Operation>();
            foreach (var path in root.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                    JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                        && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) ? json.GetProperty("schema") : null;
                    operations.Add(new Operation(
                        operation.Name.ToUpperInvariant(),
                        path.Name,
                        [.. parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("schema")))],
                        [.. parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("schema")))],
                        body,
                        this));
                }
            }

            Operations = operations;
        }

        public IReadOnlyList<Operation> Operations { get; }

        public static async Task<OpenApi> LoadAsync(HttpClient client)
        {
            using (client)
            {
                using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
                return new OpenApi(document.RootElement.Clone());
            }
        }

        public JsonElement Resolve(JsonElement schema)
        {
            while (schema.TryGetProperty("$ref", out var reference))
            {
                schema = _root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
            }

            if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
            {
                return Resolve(all[0]);
            }

            return schema;
        }

        /// <summary>Values of a shape the validators check, where the generic sample would be refused.</summary>
        private static readonly Dictionary<string, string?> Known = new(StringComparer.Ordinal)
        {
            ["email"] = "referrer@demo.example",
            ["password"] = AppFactory.DemoPassword,
            ["referrerEmail"] = "referrer@demo.example",
            ["referrerPhone"] = "01443 123456",
            ["childPostcode"] = "CF37 1DL",
            ["childNhsNumber"] = "943 476 5919",
            ["childUniquePupilNumber"] = null,
            ["childPncId"] = null,
            ["childDateOfBirth"] = "2012-05-14",
            ["category"] = "ContactSession",
        };

        /// <summary>
        /// A value a client could sensibly send: real ids of the demo team, text for every text, today for a date (a
        /// month ahead for what is due), the first of each choice.
        /// </summary>
        public JsonNode? Sample(JsonElement schema, string? name, Targets? targets)
        {
            if (name is not null && Known.TryGetValue(name, out var known))
            {
                return known;
            }

            var resolved = Resolve(schema);
            var nullable = schema.TryGetProperty("nullable", out var n) && n.GetBoolean();
            var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            switch (Type(resolved), format)
            {
                case ("enum", _):
                    return resolved.GetProperty("enum")[0].GetString();
                case ("object", _):
                    var body = new JsonObject();
                    if (resolved.TryGetProperty("properties", out var properties))
                    {
                        foreach (var property in properties.EnumerateObject())
                        {
                            body[property.Name] = Sample(property.Value, property.Name, targets);
                        }
                    }

                    return body;
                case ("array", _):
                    return new JsonArray(Sample(resolved.GetProperty("items"), null, targets));
                case ("string", "uuid"):
                    return name is not null && targets?.BodyIds.TryGetValue(name, out var id) == true ? id : nullable ? null : Guid.NewGuid().ToString();
                case ("string", "date"):
                    var ahead = name is not null && (name.Contains("due", StringComparison.OrdinalIgnoreCase) || name.Contains("target", StringComparison.OrdinalIgnoreCase));
                    return (ahead ? today.AddMonths(1) : today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                case ("string", "date-time"):
                    return DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
                case ("string", _):
                    return "A reason given for testing bad input";
                case ("integer", _):
                    return nullable ? null : 1;
                case ("number", _):
                    return nullable ? null : 1.0;
                case ("boolean", _):
                    return false;
                default:
                    return null;
            }
        }
    }
}

public sealed class SqliteBadInputTests(SqliteAppFactory factory, ITestOutputHelper output) : BadInputTests<SqliteAppFactory>(factory, output);

public sealed class PostgresBadInputTests(PostgresAppFactory factory, ITestOutputHelper output) : BadInputTests<PostgresAppFactory>(factory, output);

public sealed class SqlServerBadInputTests(SqlServerAppFactory factory, ITestOutputHelper output) : BadInputTests<SqlServerAppFactory>(factory, output);
