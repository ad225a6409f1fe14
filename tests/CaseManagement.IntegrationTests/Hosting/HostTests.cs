using CaseManagement.Web.Hosting;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace CaseManagement.IntegrationTests.Hosting;

/// <summary>Health, OpenAPI, error handling and correlation, the same cases on SQLite and PostgreSQL.</summary>
public abstract class HostTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly string[] Problems = ["400", "401", "403", "404", "422"];

    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task HealthReady_MigratedDatabase_Is200WithEachCheckHealthy()
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("migrations").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task HealthLive_Always_Is200()
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task OpenApiDocument_IsValidAndDescribesTheApi()
    {
        using var client = factory.Anonymous();

        await using var stream = await client.GetStreamAsync("/swagger/v1/swagger.json");
        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        Assert.NotNull(result.Document);
        Assert.Contains("/api/v1/referrals", result.Document.Paths.Keys);
        Assert.Contains("/api/v1/referrals/{id}", result.Document.Paths.Keys);
        Assert.Contains("/api/v1/children", result.Document.Paths.Keys);
    }

    [SkippableFact]
    public async Task OpenApiDocument_EveryOperation_DescribesItsAnswerAndEveryProblem()
    {
        using var client = factory.Anonymous();

        await using var stream = await client.GetStreamAsync("/swagger/v1/swagger.json");
        var document = (await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings())).Document!;

        var operations = document.Paths.SelectMany(p => p.Value.Operations!.Select(o => (Name: $"{o.Key} {p.Key}", o.Value.Responses!))).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.True(o.Item2.Keys.Any(k => k.StartsWith('2')), $"{o.Name} describes no answer");
            foreach (var status in Problems)
            {
                Assert.True(o.Item2.ContainsKey(status), $"{o.Name} does not describe {status}");
            }
        });
        var list = document.Paths["/api/v1/referrals"].Operations![HttpMethod.Get].Responses!["200"];
        Assert.Contains("application/json", list.Content!.Keys);
    }

    [SkippableFact]
    public async Task SwaggerUi_IsServed()
    {
        using var client = factory.Anonymous();

        var html = await client.GetStringAsync("/swagger/index.html");

        Assert.Contains("swagger-ui", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownApiRoute_Is404ProblemDetails()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task UnknownPage_Is404WithTheStyledPage()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"service-name\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownReferralPage_Is404NotAnError()
    {
        using var client = await factory.SignedInAsync();

        var response = await client.GetAsync($"/referrals/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(403, "You do not have access to this page")]
    [InlineData(404, "Page not found")]
    [InlineData(500, "Sorry, there is a problem with the service")]
    public async Task ErrorPages_AreStyledAndCarryTheirStatus(int status, string heading)
    {
        using var client = factory.Anonymous();

        var response = await client.GetAsync($"/error/{status}");

        Assert.Equal(status, (int)response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("/lib/govuk/govuk-frontend.min.css", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task CorrelationId_SensibleHeader_IsEchoedAndLogged()
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, "test-correlation-42");

        var response = await client.SendAsync(request);

        Assert.Equal("test-correlation-42", response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single());
        Assert.Contains(factory.Logs.Lines, l => l.Contains("HTTP GET /health/live responded 200", StringComparison.Ordinal));

        // The request line comes from Serilog.AspNetCore's request logging, not from a middleware of our own.
        Assert.Contains(factory.Logs.Lines, l => l.Contains("Serilog.AspNetCore.RequestLoggingMiddleware: HTTP GET /health/live responded 200", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task CorrelationId_UnsafeHeader_IsReplaced()
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, "<script>alert(1)</script>");

        var response = await client.SendAsync(request);

        var id = response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [SkippableFact]
    public async Task FrontEndAssets_AreServedByTheApp()
    {
        using var client = factory.Anonymous();

        foreach (var asset in new[] { "/lib/govuk/govuk-frontend.min.css", "/lib/govuk/govuk-frontend.min.js", "/lib/moj/moj-frontend.min.css", "/lib/moj/moj-frontend.min.js", "/assets/fonts/bold-b542beb274-v2.woff2", "/js/site.js", "/css/site.css" })
        {
            var response = await client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
        }
    }
}

public sealed class SqliteHostTests(SqliteAppFactory factory) : HostTests<SqliteAppFactory>(factory);

public sealed class PostgresHostTests(PostgresAppFactory factory) : HostTests<PostgresAppFactory>(factory);

public sealed class SqlServerHostTests(SqlServerAppFactory factory) : HostTests<SqlServerAppFactory>(factory);
