using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Seeding;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a fresh database of one provider, with the demo data seeded, as a class fixture.
/// Every log line the app writes is kept, so tests can check what reaches the logs.
/// </summary>
public abstract partial class AppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "integration-test-password";

    private TestDatabase? _database;

    public DatabaseProvider Provider => provider;

    public CapturedLogs Logs { get; } = new();

    public bool IsAvailable => TestDatabase.IsAvailable(provider);

    public async Task InitializeAsync()
    {
        if (IsAvailable)
        {
            _database = await TestDatabase.CreateAsync(provider);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>A client with its own cookies, not signed in.</summary>
    public HttpClient Anonymous()
    {
        TestDatabase.Require(provider);
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private readonly ConcurrentDictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A client signed in through the sign-in page, as a person would: with the authenticator code where the account
    /// has two-factor sign-in, and setting it up first where the role requires it and it is not on yet.
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string email = "casemanager@demo.example")
    {
        var client = Anonymous();
        var response = await SignInAsync(client, email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/sign-in/two-factor", StringComparison.Ordinal))
        {
            var page = await client.GetStringAsync(response.Headers.Location);
            response = await client.PostAsync(response.Headers.Location, Form(page, ("Code", Totp.Code(_authenticatorKeys[email]))));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var home = await client.GetAsync("/");
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString == "/account/two-factor")
        {
            var page = await client.GetStringAsync("/account/two-factor");
            var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            _authenticatorKeys[email] = key;
            var turnedOn = await client.PostAsync("/account/two-factor", Form(page, ("Code", Totp.Code(key))));
            Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);
        }

        return client;
    }

    /// <summary>An API access token from the token endpoint, with the authenticator code where the account needs one.</summary>
    public async Task<string> AccessTokenAsync(string email) => (await TokensAsync(email)).GetProperty("accessToken").GetString()!;

    public async Task<string> RefreshTokenAsync(string email) => (await TokensAsync(email)).GetProperty("refreshToken").GetString()!;

    public async Task<System.Text.Json.JsonElement> TokensAsync(string email)
    {
        using var client = Anonymous();
        var code = _authenticatorKeys.TryGetValue(email, out var key) ? Totp.Code(key) : null;
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    /// <summary>A form post with the page's antiforgery token and the given fields.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", AntiforgeryToken(page))));

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync("/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
    }

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database?.ConnectionString ?? string.Empty);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Password", DemoPassword);

        // Each test database has its own data-protection keys (as each deployment does); test servers starting at once
        // never race to create the first key in one shared folder.
        builder.UseSetting("DataProtection:KeysDirectory", TestKeys.DirectoryFor(_database?.ConnectionString ?? string.Empty));
        // Many test servers start here; the scheduler (and its tables) starts only in the tests of the jobs (Reminders/).
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Security:SessionCheckIntervalSeconds", "0");
        builder.UseSetting("Security:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:TokenPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:ReferralsPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:SelfReferralsPerMinute", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();
}

public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.PostgreSQL);

/// <summary>Keeps every formatted log line (with its structured values) the app writes.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} | {values} {exception}");
        }
    }
}
