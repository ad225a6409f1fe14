using System.Collections.Concurrent;
using System.Net;
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

    /// <summary>A client signed in through the sign-in page, as a person would.</summary>
    public async Task<HttpClient> SignedInAsync(string email = "casemanager@demo.example")
    {
        var client = Anonymous();
        var response = await SignInAsync(client, email, DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

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
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
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
