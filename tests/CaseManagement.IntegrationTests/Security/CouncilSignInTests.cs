using System.Text.RegularExpressions;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Identity.CouncilSignIn;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.TestIdentityProvider;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Idp = CaseManagement.TestIdentityProvider.TestIdentityProvider;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>The app with the tests' own OpenID Connect provider on a loopback port as the council's (docs/decisions/0045).</summary>
public abstract class CouncilSignInFactory : AppFactory
{
    protected CouncilSignInFactory(DatabaseProvider provider)
        : base(provider)
    {
        IdentityProvider = Idp.Start();

        // The test server's address, to which the provider sends the person back.
        IdentityProvider.AllowClientAsync(new Uri("http://localhost/")).GetAwaiter().GetResult();
    }

    public Idp IdentityProvider { get; }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await IdentityProvider.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in IdentityProvider.AppSettings)
        {
            builder.UseSetting(key, value);
        }
    }
}

public sealed class SqliteCouncilSignInFactory() : CouncilSignInFactory(DatabaseProvider.Sqlite);

public sealed class PostgresCouncilSignInFactory() : CouncilSignInFactory(DatabaseProvider.PostgreSQL);

public sealed class SqlServerCouncilSignInFactory() : CouncilSignInFactory(DatabaseProvider.SqlServer);

/// <summary>
/// Sign-in through the council's identity provider against a real provider (issue 21): the first sign-in links the
/// account an administrator made; an unknown address and a deactivated account are refused with a page that says why;
/// the provider's multi-factor claim stands for the app's code, and without it the app asks for its own; signing out
/// reaches the provider. Each test makes its own accounts, as accounts outlive a test on PostgreSQL.
/// </summary>
public abstract partial class CouncilSignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : CouncilSignInFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task FirstSignIn_LinksTheAdministratorsAccount_AndLandsInIt()
    {
        var (email, userId) = await AccountAsync(Roles.CaseManager);
        using var browser = new TwoSites(factory);

        var visited = await browser.SignInAsync(email);

        Assert.Equal("http://localhost/", visited[^1].Url.ToString());
        Assert.Equal(HttpStatusCode.OK, visited[^1].Response.StatusCode);
        Assert.Contains("Council Person " + userId.ToString("N")[..8], await visited[^1].Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByIdAsync(userId.ToString()))!);
        Assert.Equal(Idp.SubjectOf(email), Assert.Single(logins, l => l.LoginProvider == CouncilSignInOptions.Scheme).ProviderKey);
        Assert.Contains(await AuditAsync(userId.ToString()), e => e.Action == AuditAction.SignedIn);

        // The account had a temporary password from its administrator; a person the council signed in is not asked to change it.
        Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/account")).StatusCode);
    }

    [SkippableFact]
    public async Task UnknownEmail_IsRefusedWithAClearPage_AndAudited()
    {
        var email = $"nobody-{Guid.NewGuid():N}@council.example";
        using var browser = new TwoSites(factory);

        var visited = await browser.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, visited[^1].Response.StatusCode);
        Assert.Contains("there is no account in this service for your email address", await visited[^1].Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(Idp.SubjectOf(email)), e => e.Action == AuditAction.SignInRefused && e.Reason!.Contains("NoAccount", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/account")).StatusCode);
    }

    [SkippableFact]
    public async Task DeactivatedAccount_IsRefused()
    {
        var (email, userId) = await AccountAsync(Roles.CaseManager, deactivated: true);
        using var browser = new TwoSites(factory);

        var visited = await browser.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Forbidden, visited[^1].Response.StatusCode);
        Assert.Contains("has been deactivated", await visited[^1].Response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(userId.ToString()), e => e.Action == AuditAction.SignInRefused && e.Reason!.Contains("Deactivated", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task TeamManager_WithoutTheProvidersMfa_IsAskedForTheAppsCode()
    {
        var (email, _) = await AccountAsync(Roles.TeamManager, twoFactor: true);
        factory.IdentityProvider.SendMfa = false;
        using var browser = new TwoSites(factory);

        var visited = await browser.SignInAsync(email);

        Assert.Equal("/sign-in/two-factor", visited[^1].Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, visited[^1].Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/account")).StatusCode);
    }

    [SkippableFact]
    public async Task TeamManager_WithTheProvidersMfa_IsLetIn()
    {
        var (email, _) = await AccountAsync(Roles.TeamManager, twoFactor: true);
        factory.IdentityProvider.SendMfa = true;
        using var browser = new TwoSites(factory);

        try
        {
            var visited = await browser.SignInAsync(email);

            Assert.Equal("http://localhost/", visited[^1].Url.ToString());
            Assert.Equal(HttpStatusCode.OK, visited[^1].Response.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.App.GetAsync("/account")).StatusCode);
        }
        finally
        {
            factory.IdentityProvider.SendMfa = false;
        }
    }

    [SkippableFact]
    public async Task SignOut_EndsBothSessions_AtTheProviderWithTheIdToken()
    {
        var (email, _) = await AccountAsync(Roles.CaseManager);
        using var browser = new TwoSites(factory);
        await browser.SignInAsync(email);
        var hints = factory.IdentityProvider.EndSessionHints.Count;

        var home = await browser.App.GetStringAsync("/");
        var signOut = await browser.App.PostAsync("/sign-out", AppFactory.Form(home));
        var visited = await browser.FollowAsync(new Uri("http://localhost/sign-out"), signOut);

        Assert.StartsWith(new Uri(factory.IdentityProvider.Authority, "connect/logout").ToString(), visited[1].Url.ToString(), StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", visited[1].Url.Query, StringComparison.Ordinal);
        Assert.NotEqual(string.Empty, factory.IdentityProvider.EndSessionHints[hints]);
        Assert.Equal("/sign-in", visited[^1].Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.App.GetAsync("/account")).StatusCode);

        // The provider's own session ended too: it asks for the council password again.
        var again = await browser.StartAsync();
        Assert.Equal("/login", again[^1].Url.AbsolutePath);
    }

    /// <summary>An account as an administrator makes one: roles, a temporary password, and optionally two-factor or deactivated.</summary>
    private async Task<(string Email, Guid Id)> AccountAsync(string role, bool deactivated = false, bool twoFactor = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var id = Guid.NewGuid();
        var email = $"council-{id:N}@council.example";
        var user = new ApplicationUser { Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Council Person " + id.ToString("N")[..8], MustChangePassword = true };
        Assert.True((await users.CreateAsync(user, "temporary-password-" + id.ToString("N")[..6])).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        if (deactivated)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        }

        return (email, id);
    }

    private async Task<List<AuditEntry>> AuditAsync(string entityId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking()
            .Where(e => e.EntityType == CouncilAccounts.EntityType && e.EntityId == entityId).ToListAsync();
    }

    /// <summary>
    /// A person's browser between the app (the test server, http://localhost) and the provider (a real loopback port):
    /// each request goes to whichever the address names, with that site's cookies, following redirects as a browser does.
    /// </summary>
    private sealed partial class TwoSites(TFactory factory) : IDisposable
    {
        private readonly HttpClient _provider = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });

        public HttpClient App { get; } = factory.Anonymous();

        /// <summary>From the sign-in page's "Sign in with Test Council" to the provider's own sign-in form (or beyond, when already signed in there).</summary>
        public async Task<List<(Uri Url, HttpResponseMessage Response)>> StartAsync()
        {
            var page = await App.GetStringAsync("/sign-in");
            Assert.Contains("Sign in with " + Idp.DisplayName, page, StringComparison.Ordinal);
            var start = await App.PostAsync("/sign-in?handler=Council", AppFactory.Form(page));
            return await FollowAsync(new Uri("http://localhost/sign-in?handler=Council"), start);
        }

        public async Task<List<(Uri Url, HttpResponseMessage Response)>> SignInAsync(string email)
        {
            var atProvider = await StartAsync();
            Assert.Equal("/login", atProvider[^1].Url.AbsolutePath);
            var form = await atProvider[^1].Response.Content.ReadAsStringAsync();
            var login = new Uri(factory.IdentityProvider.Authority, "login");
            var posted = await _provider.PostAsync(login, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = Idp.Password,
                ["ReturnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(form).Groups[1].Value),
            }));
            return [.. atProvider, .. await FollowAsync(login, posted)];
        }

        /// <summary>Every address visited from <paramref name="url"/>'s answer on, with its answer; the last is not a redirect.</summary>
        public async Task<List<(Uri Url, HttpResponseMessage Response)>> FollowAsync(Uri url, HttpResponseMessage response)
        {
            var visited = new List<(Uri, HttpResponseMessage)> { (url, response) };
            while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && visited.Count < 20)
            {
                url = new Uri(url, response.Headers.Location!);
                var client = url.Authority == factory.IdentityProvider.Authority.Authority ? _provider : App;
                response = await client.GetAsync(url);
                visited.Add((url, response));
            }

            return visited;
        }

        public void Dispose()
        {
            _provider.Dispose();
            App.Dispose();
        }

        [GeneratedRegex("name=\"ReturnUrl\" value=\"([^\"]*)\"")]
        private static partial Regex ReturnUrl();
    }
}

public sealed class SqliteCouncilSignInTests(SqliteCouncilSignInFactory factory) : CouncilSignInTests<SqliteCouncilSignInFactory>(factory);

public sealed class PostgresCouncilSignInTests(PostgresCouncilSignInFactory factory) : CouncilSignInTests<PostgresCouncilSignInFactory>(factory);

public sealed class SqlServerCouncilSignInTests(SqlServerCouncilSignInFactory factory) : CouncilSignInTests<SqlServerCouncilSignInFactory>(factory);
