using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CaseManagement.TestIdentityProvider;

/// <summary>
/// A real OpenID Connect provider for the tests, on a free loopback port (issue 21): OpenIddict's server with the
/// authorization code flow and PKCE, a sign-in form that takes any e-mail address with <see cref="Password"/> (the test
/// says whom the council vouches for), a switch for whether its ID tokens say the person used multi-factor
/// authentication (<c>amr</c> holding <c>mfa</c>), and an end-session endpoint that records the ID token it was given.
/// Its stores are a SQLite file of its own; it needs no network beyond loopback.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "casemanagement";
    public const string ClientSecret = "test-provider-client-secret";
    public const string Password = "test-provider-password";
    public const string DisplayName = "Test Council";
    public const string TestUserEmail = "casemanager@demo.example";

    private const string CookieScheme = "provider";

    private readonly WebApplication _app;
    private readonly string _databasePath;
    private readonly ConcurrentQueue<string> _endSessions = new();
    private volatile bool _sendMfa;

    private TestIdentityProvider(WebApplication app, string databasePath)
    {
        _app = app;
        _databasePath = databasePath;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether the next sign-in's ID token carries <c>amr: ["pwd", "mfa"]</c> (true) or <c>["pwd"]</c>.</summary>
    public bool SendMfa
    {
        get => _sendMfa;
        set => _sendMfa = value;
    }

    /// <summary>The <c>id_token_hint</c> of every request to the end-session endpoint, in order (empty when none was sent).</summary>
    public IReadOnlyList<string> EndSessionHints => [.. _endSessions];

    /// <summary>The app's settings that name this provider (<c>Authentication:Oidc:*</c>).</summary>
    public IReadOnlyDictionary<string, string> AppSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Authentication:Oidc:Authority"] = Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = ClientId,
        ["Authentication:Oidc:ClientSecret"] = ClientSecret,
        ["Authentication:Oidc:DisplayName"] = DisplayName,
    };

    /// <summary>The subject the provider gives an e-mail address: stable, and not the address itself.</summary>
    public static string SubjectOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((email ?? string.Empty).Trim().ToUpperInvariant())))[..32];

    /// <summary>Starts the provider on a free loopback port (synchronously, so a test fixture's constructor may call it).</summary>
    public static TestIdentityProvider Start()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"test-idp-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = Path.GetTempPath(),
            ApplicationName = typeof(TestIdentityProvider).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var services = builder.Services;
        services.AddDbContext<ProviderDbContext>(db =>
        {
            db.UseSqlite($"Data Source={databasePath}");
            db.UseOpenIddict();
        });
        services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "test-idp";
        });
        services.AddAuthorization();
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.Email, Scopes.Profile);
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        var provider = new TestIdentityProvider(app, databasePath);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/login", (HttpContext context) => Results.Content(LoginForm(context.Request.Query["ReturnUrl"]), "text/html; charset=utf-8"));
        // Typed as functions (not request delegates), so the results they return are written to the response.
        Func<HttpContext, Task<IResult>> signIn = SignInAsync, authorize = provider.AuthorizeAsync, endSession = provider.EndSessionAsync;
        app.MapPost("/login", signIn);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], authorize);
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], endSession);

        using (var scope = app.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreated();
        }

        app.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Authority = new Uri(address + "/");
        return provider;
    }

    /// <summary>Registers the app (a confidential client) with its sign-in and signed-out callbacks at this address.</summary>
    public async Task AllowClientAsync(Uri appBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(appBaseAddress);
        await using var scope = _app.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(ClientId) is { } existing)
        {
            await applications.DeleteAsync(existing);
        }

        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            RedirectUris = { new Uri(appBaseAddress, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(appBaseAddress, "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private static async Task<IResult> SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var email = form["Email"].ToString().Trim();
        var returnUrl = form["ReturnUrl"].ToString();
        if (email.Length == 0 || form["Password"] != Password)
        {
            return Results.Content(LoginForm(returnUrl, "The email address or password is not right"), "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Email, email)], CookieScheme);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl.StartsWith('/') ? returnUrl : "/");
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await context.AuthenticateAsync(CookieScheme);
        if (!signedIn.Succeeded)
        {
            var query = context.Request.HasFormContentType
                ? QueryString.Create((await context.Request.ReadFormAsync()).Select(p => KeyValuePair.Create(p.Key, p.Value)))
                : context.Request.QueryString;
            return Results.Challenge(new AuthenticationProperties { RedirectUri = context.Request.Path + query }, [CookieScheme]);
        }

        var email = signedIn.Principal!.FindFirstValue(ClaimTypes.Email)!;
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, SubjectOf(email))
            .SetClaim(Claims.Email, email)
            .SetClaim(Claims.Name, "Council person " + email.Split('@')[0]);
        identity.SetClaims(Claims.AuthenticationMethodReference, SendMfa ? ["pwd", "mfa"] : ["pwd"]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private async Task<IResult> EndSessionAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        _endSessions.Enqueue(request.IdTokenHint ?? string.Empty);
        await context.SignOutAsync(CookieScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static string LoginForm(string? returnUrl, string? error = null)
    {
        var encoder = HtmlEncoder.Default;
        var message = error is null ? string.Empty : $"<p role=\"alert\">{encoder.Encode(error)}</p>";
        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test Council sign-in</title></head>
            <body><main><h1>Test Council</h1>{message}
            <form method="post" action="/login">
            <input type="hidden" name="ReturnUrl" value="{encoder.Encode(returnUrl ?? "/")}">
            <label for="Email">Council email address</label> <input id="Email" name="Email" type="email">
            <label for="Password">Council password</label> <input id="Password" name="Password" type="password">
            <button type="submit">Sign in to Test Council</button>
            </form></main></body></html>
            """;
    }

    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}
