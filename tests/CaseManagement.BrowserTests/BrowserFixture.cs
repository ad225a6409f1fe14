using System.Net;
using System.Text.Json;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The app listening on a real Kestrel port on 127.0.0.1 (SQLite, demo data), and Debian's Chromium driven by
/// Playwright. One per test class; each test opens its own browser context, so cookies never leak between tests.
/// </summary>
#pragma warning disable CA1001 // xunit disposes a fixture through IAsyncLifetime.DisposeAsync, which releases the server.
public partial class BrowserFixture : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _authenticatorKeys = new(StringComparer.OrdinalIgnoreCase);

    // The app accepts each authenticator code once; a class that signs one account in twice within 30 seconds needs two.
    private readonly AuthenticatorCodes _codes = new();

    public const string Password = "browser-test-password";

    private TestDatabase? _database;
    private AppServer? _server;
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public static bool IsAvailable => TestRequirements.ChromiumPath is not null;

    /// <summary>Settings a fixture for a particular test class puts over the app's own.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            return;
        }

        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _server = new AppServer(_database.ConnectionString, Settings);
        _server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server.StartServer();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestRequirements.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    public IServiceProvider Services => _server!.Services;

    /// <summary>A new page in its own browser context; skips (or fails under CASEMGMT_REQUIRE_ALL=1) without Chromium.</summary>
    public async Task<IPage> NewPageAsync()
    {
        TestRequirements.Require(!IsAvailable, $"Browser tests need Debian's Chromium at /usr/bin/chromium (or {TestRequirements.ChromiumVariable}); .ci/run installs it.");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",

            // axe-core is injected as a script; the app's Content-Security-Policy rightly forbids that for anyone else.
            BypassCSP = true,
        });
        // CI runs the integration tests beside these on two cores: allow for a slow machine, not a slow app.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Signs in through the sign-in page, as a person would, and waits for the home page: with the code from the
    /// authenticator where the account has two-factor sign-in, and setting it up first where the role requires it.
    /// </summary>
    public async Task SignInAsync(IPage page, string email = "casemanager@demo.example")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.OpenAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            // The address is polled (ToHaveURLAsync), never waited for with WaitForURLAsync: when the address already
            // matches, Playwright's WaitForURLAsync waits for the "load" event whatever WaitUntil says (Commit maps to
            // no load state, and no load state means Load), and that wait is what timed out now and then.
            await Assertions.Expect(page).ToHaveURLAsync(AfterSignIn());
            await page.WaitForReadyAsync();
        }
        catch (PlaywrightException e)
        {
            // Say what the page showed instead, so a failure here can be understood from the test log alone.
            var shown = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Signing in as {email} stayed on {page.Url} ({await page.TitleAsync()}): {shown[..Math.Min(shown.Length, 600)]}", e);
        }

        var path = new Uri(page.Url).AbsolutePath;
        if (path == "/account/two-factor")
        {
            var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
            _authenticatorKeys[email] = key;
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(await _codes.NextAsync(email, key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();

            // Turned on, the page offers recovery codes; a person in a hurry goes on to the service.
            await Assertions.Expect(page.GetByTestId("done-banner")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Continue to the service" }).ClickAsync();
        }
        else if (path == "/sign-in/two-factor")
        {
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(await _codes.NextAsync(email, _authenticatorKeys[email]));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        }

        await Assertions.Expect(page).ToHaveURLAsync(HomePage());
        await page.WaitForReadyAsync();
        await page.GetByTestId("page-heading").WaitForAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://[^/]+/(account/two-factor|sign-in/two-factor)?(\?.*)?$")]
    private static partial System.Text.RegularExpressions.Regex AfterSignIn();

    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://[^/]+/$")]
    private static partial System.Text.RegularExpressions.Regex HomePage();

    /// <summary>
    /// Runs axe-core on the page and returns every WCAG 2.1 A/AA and best-practice violation, one line each, with the
    /// faults of <see cref="PageChecks"/>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForReadyAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath.Value });
        var result = await page.EvaluateAsync<JsonElement>("async () => await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })");
        var violations = result.GetProperty("violations").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("target").ToString()))}")
            .ToList();

        // The faults axe-core cannot see (a phone's width, where an error link leads, English left on a Welsh page).
        violations.AddRange(await PageChecks.FaultsAsync(page));
        return violations;
    }

    private static readonly Lazy<string> AxePath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CaseManagement.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory?.FullName ?? ".", "src", "CaseManagement.Web", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? path : throw new FileNotFoundException("axe-core is installed by the web project's build (npm ci).", path);
    });

    private sealed class AppServer(string connectionString, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseEnvironment("Development");
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite));
            builder.UseSetting("Database:ConnectionString", connectionString);
            builder.UseSetting("DemoData:Enabled", "true");
            builder.UseSetting("DemoData:Password", Password);
            builder.UseSetting("DataProtection:KeysDirectory", TestKeys.DirectoryFor(connectionString));

            // Every test signs in from 127.0.0.1; the per-address limit on sign-in attempts is tested on its own.
            builder.UseSetting("Security:RateLimits:SignInPerMinute", "10000");
            builder.UseSetting("Security:RateLimits:SelfReferralsPerMinute", "10000");

            // A browser driven by a test fills the self-referral form in faster than a person; the time trap is tested on its own.
            builder.UseSetting("Security:SelfReferralMinimumSeconds", "0");
        }
    }
}
