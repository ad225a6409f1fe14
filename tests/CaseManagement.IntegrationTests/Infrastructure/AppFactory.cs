using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CaseManagement.Infrastructure.Audit;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a database of one provider, with the demo data seeded, as a class fixture: SQLite, a fresh file per
/// class; PostgreSQL, a database from <see cref="PostgresDatabasePool"/>, as it was after seeding, with the work reset
/// by Respawn before each test (<see cref="ResetAsync"/>; docs/decisions/0029).
/// Every log line the app writes is kept, so tests can check what reaches the logs.
/// </summary>
public abstract partial class AppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "integration-test-password";

    private TestDatabase? _database;

    private PooledPostgresDatabase? _pooled;

    private string? _connectionString;

    public DatabaseProvider Provider => provider;

    public CapturedLogs Logs { get; } = new();

    public bool IsAvailable => TestDatabase.IsAvailable(provider);

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        // SQL Server, like SQLite, gets a fresh database per class (no pool: it runs only where a server is given).
        if (provider is DatabaseProvider.Sqlite or DatabaseProvider.SqlServer)
        {
            _database = await TestDatabase.CreateAsync(provider);
            _connectionString = _database.ConnectionString;
            return;
        }

        _pooled = await PostgresDatabasePool.RentAsync();
        _connectionString = _pooled.ConnectionString;
        await BeforeTheAppStartsAsync(_connectionString);
        if (!_pooled.HasSnapshot)
        {
            // A new database: the app migrates and seeds it as it starts, and what it leaves is where every test starts.
            _ = Services;

            // Every class starts with nothing waiting to be sealed (decision 0085): the seeding's entries are in the chain.
            await AuditSealSweep.SweepAsync(Services, CancellationToken.None);
            await _pooled.TakeSnapshotAsync(TestKeys.DirectoryFor(_connectionString));
        }
    }

    /// <summary>
    /// Runs once the class's PostgreSQL database is rented and before the app starts on it (which migrates and seeds a new
    /// one): a factory whose app may wait only briefly for the database prepares what it needs here.
    /// </summary>
    protected virtual Task BeforeTheAppStartsAsync(string connectionString) => Task.CompletedTask;

    /// <summary>
    /// Called before each test (the test classes' <see cref="IAsyncLifetime.InitializeAsync"/>). PostgreSQL: Respawn
    /// empties the tables of the work and the demo work is copied back; the accounts, agencies, teams and audit trail
    /// stay as the class's earlier tests left them, with whatever an earlier test left waiting to be sealed sealed now
    /// (decision 0085), so no test finds another's entries waiting. SQLite: nothing; the class shares its fresh file.
    /// </summary>
    public async Task ResetAsync()
    {
        if (_pooled is { HasSnapshot: true })
        {
            await AuditSealSweep.SweepAsync(Services, CancellationToken.None);
            await _pooled.ResetWorkAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_pooled is not null)
        {
            await PostgresDatabasePool.ReturnAsync(_pooled);
        }
    }

    /// <summary>A client with its own cookies, not signed in.</summary>
    public HttpClient Anonymous() => Client(new CookieContainer());

    private readonly ConcurrentDictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    private readonly AuthenticatorCodes _codes = new();

    private readonly ConcurrentDictionary<string, KeptSession> _sessions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A client signed in as a person would be: through the sign-in page for the pages (with the authenticator code
    /// where the account has two-factor sign-in, setting it up first where the role requires it and it is not on yet),
    /// and with an access token from the token endpoint for the API, which takes tokens only. An account with
    /// two-factor sign-in gets the session and token it was last given while they still work, as its app shows one new
    /// code every 30 seconds and the app accepts each once.
    /// </summary>
    public async Task<HttpClient> SignedInAsync(string email = "casemanager@demo.example")
    {
        if (_sessions.TryGetValue(email, out var kept))
        {
            var again = Client(kept.Cookies, kept.AccessToken);
            if (await StillSignedInAsync(again))
            {
                return again;
            }

            again.Dispose();
            _sessions.TryRemove(email, out _);
        }

        var cookies = new CookieContainer();
        var client = Client(cookies);
        var response = await SignInAsync(client, email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/sign-in/two-factor", StringComparison.Ordinal))
        {
            var page = await client.GetStringAsync(response.Headers.Location);
            response = await client.PostAsync(response.Headers.Location, Form(page, ("Code", await _codes.NextAsync(email, _authenticatorKeys[email]))));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var home = await client.GetAsync("/");
        if (home.StatusCode == HttpStatusCode.Redirect && home.Headers.Location!.OriginalString == "/account/two-factor")
        {
            var page = await client.GetStringAsync("/account/two-factor");
            var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            _authenticatorKeys[email] = key;
            var turnedOn = await client.PostAsync("/account/two-factor", Form(page, ("Code", await _codes.NextAsync(email, key))));
            Assert.Equal(HttpStatusCode.Redirect, turnedOn.StatusCode);
        }

        var accessToken = await AccessTokenAsync(email);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (_authenticatorKeys.ContainsKey(email))
        {
            _sessions[email] = new KeptSession(SignInCookies(cookies), accessToken);
        }

        return client;
    }

    /// <summary>An API access token from the token endpoint, with the authenticator code where the account needs one.</summary>
    public async Task<string> AccessTokenAsync(string email) => (await TokensAsync(email)).GetProperty("accessToken").GetString()!;

    public async Task<string> RefreshTokenAsync(string email) => (await TokensAsync(email)).GetProperty("refreshToken").GetString()!;

    public async Task<System.Text.Json.JsonElement> TokensAsync(string email)
    {
        using var client = Anonymous();
        var code = _authenticatorKeys.TryGetValue(email, out var key) ? await _codes.NextAsync(email, key) : null;
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
    }

    private sealed record KeptSession(IReadOnlyList<Cookie> Cookies, string AccessToken);

    private HttpClient Client(CookieContainer cookies)
    {
        TestDatabase.Require(provider);
        return CreateDefaultClient(ClientOptions.BaseAddress, new CookieContainerHandler(cookies));
    }

    private HttpClient Client(IReadOnlyList<Cookie> signIn, string accessToken)
    {
        var cookies = new CookieContainer();
        foreach (var cookie in signIn)
        {
            cookies.Add(ClientOptions.BaseAddress, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }

        var client = Client(cookies);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>The sign-in cookie alone (Identity splits a large one into chunks), not the language or antiforgery ones.</summary>
    private List<Cookie> SignInCookies(CookieContainer cookies) =>
        cookies.GetCookies(ClientOptions.BaseAddress).Where(c => c.Name.StartsWith("casemgmt.auth", StringComparison.Ordinal)).ToList();

    /// <summary>Neither "sign out everywhere", a disabled account nor a new password has ended the session or the token.</summary>
    private static async Task<bool> StillSignedInAsync(HttpClient client)
    {
        var session = await client.GetAsync("/session/keep-alive");
        var api = await client.GetAsync("/api/v1/notifications?pageSize=1");
        return session.StatusCode == HttpStatusCode.NoContent && api.StatusCode == HttpStatusCode.OK;
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

    /// <summary>
    /// Whatever starts the app (a client, its services) skips the test first when the provider's server is absent,
    /// so a test that reaches for the app's services before any client skips with the reason instead of failing.
    /// </summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        TestDatabase.Require(provider);
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("Database:ConnectionString", _connectionString ?? string.Empty);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Password", DemoPassword);

        // Each test database has its own data-protection keys (as each deployment does); test servers starting at once
        // never race to create the first key in one shared folder.
        builder.UseSetting("DataProtection:KeysDirectory", TestKeys.DirectoryFor(_connectionString ?? string.Empty));
        // Many test servers start here; the scheduler (and its tables) starts only in the tests of the jobs (Reminders/).
        builder.UseSetting("Jobs:Enabled", "false");
        // The audit sweep (decision 0085) would race the tests that leave entries waiting on purpose; a test that needs
        // what is left sealed calls AuditSealSweep.SweepAsync itself (review of s10-p, finding 3).
        builder.UseSetting("Audit:SealSweepSeconds", "0");
        builder.UseSetting("Security:SessionCheckIntervalSeconds", "0");
        builder.UseSetting("Security:RateLimits:SignInPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:TokenPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:ReferralsPerMinute", "10000");
        builder.UseSetting("Security:RateLimits:SelfReferralsPerMinute", "10000");
        // The webhook tests' receiver listens on loopback (decision 0064).
        builder.UseSetting("Webhooks:AllowPrivateAddresses", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyPattern();
}

public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.PostgreSQL);

public sealed class SqlServerAppFactory() : AppFactory(DatabaseProvider.SqlServer);

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
