using CaseManagement.Application.Referrals.Queries.ListReferrals;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.RepresentationModel;

namespace CaseManagement.IntegrationTests.Hosting;

/// <summary>
/// The app in Production as docker-compose.yml runs it (plain HTTP on a local demo), behind a proxy that ends TLS,
/// and reached over plain HTTP where that is not allowed; and the request log naming the route of a failed request.
/// The same cases on SQLite and PostgreSQL.
/// </summary>
public abstract class TlsAndLoggingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Proxy = "10.0.0.5";

    [SkippableFact]
    public async Task ComposeWay_ProductionOverPlainHttp_SignInPageAnswersAndSignInWorks()
    {
        var compose = ComposeAppEnvironment();
        Assert.StartsWith("http://", compose["ASPNETCORE_URLS"], StringComparison.Ordinal);
        await using var app = Production(builder =>
        {
            builder.UseEnvironment(compose["ASPNETCORE_ENVIRONMENT"]);
            foreach (var (key, value) in compose.Where(e => e.Key.StartsWith("Security__", StringComparison.Ordinal) || e.Key.StartsWith("ForwardedHeaders__", StringComparison.Ordinal)))
            {
                builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
            }
        });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var page = await client.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using var signedIn = await AppFactory.SignInAsync(client, "casemanager@demo.example", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task TlsEndedAtAKnownProxy_Production_SignsInWithSecureCookies()
    {
        await using var app = Production(builder => builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy), remoteAddress: Proxy);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        using var page = await client.GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casemgmt.antiforgery=", StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var form = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "casemanager@demo.example",
                ["Password"] = AppFactory.DemoPassword,
                ["__RequestVerificationToken"] = AppFactory.AntiforgeryToken(await page.Content.ReadAsStringAsync()),
            }),
        };
        form.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        using var signedIn = await client.SendAsync(form);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("casemgmt.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("10.0.0.6")]
    public async Task PlainHttp_ProductionWithoutTheDemoAllowance_IsRefusedWithAPageThatSaysUseHttps(string? unknownProxy)
    {
        await using var app = Production(builder => builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy), remoteAddress: unknownProxy);
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (unknownProxy is not null)
        {
            // Said by someone who is not the proxy: not believed.
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        }

        using var page = await client.GetAsync("/sign-in");
        using var api = await client.GetAsync("/api/v1/referrals");
        using var health = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.MisdirectedRequest, page.StatusCode);
        Assert.Contains("Use the secure address of this service", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MisdirectedRequest, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [SkippableFact]
    public async Task FailedRequest_IsLoggedWithTheRouteItWasFor()
    {
        await using var app = Started().WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FailingListBehaviour<,>))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await AppFactory.SignInAsync(client, "casemanager@demo.example", AppFactory.DemoPassword);

        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "casemanager@demo.example", password = AppFactory.DemoPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();

        // The API takes bearer tokens only (decision 0024); the page takes the sign-in cookie.
        using var api = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/referrals") { Headers = { Authorization = new("Bearer", accessToken) } });
        using var page = await client.GetAsync("/referrals");
        using var refused = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/referrals?pageSize=0") { Headers = { Authorization = new("Bearer", accessToken) } });

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var lines = factory.Logs.Lines;
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/v1/referrals responded 500", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /referrals responded 500", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("HTTP GET /api/v1/referrals responded 400", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("/api/v1/referrals?search=Dafydd")]
    [InlineData("/referrals?search=Dafydd")]
    public async Task UnhandledError_IsLoggedOnceWithTheCorrelationIdAndNoPersonalData(string path)
    {
        await using var app = Started().WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FailingListBehaviour<,>))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await AppFactory.SignInAsync(client, "casemanager@demo.example", AppFactory.DemoPassword);
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "casemanager@demo.example", password = AppFactory.DemoPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        var correlationId = "one-error-" + Guid.NewGuid().ToString("N");
        var before = factory.Logs.Lines.Count;

        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "X-Correlation-ID", correlationId } } };
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            request.Headers.Authorization = new("Bearer", accessToken);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var logged = factory.Logs.Lines.Skip(before).Where(l => l.Contains("A fault made up by the test.", StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(logged);
        Assert.StartsWith("Error ", entry, StringComparison.Ordinal);
        Assert.Contains(correlationId, entry, StringComparison.Ordinal);
        Assert.Contains(path.StartsWith("/api/", StringComparison.Ordinal) ? "/api/v1/referrals" : "/referrals", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Lines.Skip(before), l => l.Contains("Dafydd", StringComparison.Ordinal));
    }

    /// <summary>The class's app, started (so the demo data is there), for a variant to share its database.</summary>
    private TFactory Started()
    {
        CaseManagement.Testing.TestDatabase.Require(factory.Provider);
        _ = factory.Server;
        return factory;
    }

    /// <summary>The app in Production (no demo data is seeded there; the class's app has seeded it), seen from <paramref name="remoteAddress"/>.</summary>
    private WebApplicationFactory<Program> Production(Action<IWebHostBuilder> configure, string? remoteAddress = null) =>
        Started().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            configure(builder);
            if (remoteAddress is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(remoteAddress))));
            }
        });

    private static Dictionary<string, string> ComposeAppEnvironment()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents.Single().RootNode).Children[new YamlScalarNode("services")];
        var environment = (YamlMappingNode)((YamlMappingNode)services.Children[new YamlScalarNode("app")]).Children[new YamlScalarNode("environment")];
        return environment.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value ?? string.Empty, StringComparer.Ordinal);
    }

    /// <summary>The test server has no network peer; this gives every request one, as Kestrel would.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>Makes listing referrals fail as a fault on the server would, to see what the log says of it.</summary>
public sealed class FailingListBehaviour<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        request is ListReferrals ? throw new InvalidOperationException("A fault made up by the test.") : next();
}

public sealed class SqliteTlsAndLoggingTests(SqliteAppFactory factory) : TlsAndLoggingTests<SqliteAppFactory>(factory);

public sealed class PostgresTlsAndLoggingTests(PostgresAppFactory factory) : TlsAndLoggingTests<PostgresAppFactory>(factory);

public sealed class SqlServerTlsAndLoggingTests(SqlServerAppFactory factory) : TlsAndLoggingTests<SqlServerAppFactory>(factory);
