using System.Net.Http.Headers;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// How the API signs its callers in (issue 13, points 3, 4, 7 and 8): tokens only, never for a temporary password,
/// refused at the next check once the account changes, and each authenticator code accepted once, with wrong codes
/// counted toward lock-out. Each test has its own account, so locking or disabling it disturbs no other test.
/// </summary>
public abstract class ApiAuthenticationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    /// <summary>Each test starts from the demo data: on PostgreSQL, Respawn resets the work first (AppFactory.ResetAsync).</summary>
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string OwnPassword = "a password of my own choosing";

    [SkippableFact]
    public async Task Token_TemporaryPassword_IsRefusedUntilThePersonChoosesTheirOwn()
    {
        var email = await CreateAccountAsync("temporary", Roles.Referrer);
        using var api = factory.Anonymous();

        var refused = await TokenAsync(api, email, "a temporary password");
        using var welsh = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password = "a temporary password" }) };
        welsh.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy-GB"));
        var refusedInWelsh = await api.SendAsync(welsh);
        await ChangePasswordOnThePageAsync(email, "a temporary password", OwnPassword);
        var issued = await TokenAsync(api, email, OwnPassword);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Choose your own password before using the API.", problem.GetProperty("title").GetString());
        Assert.Contains("/account/change-password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Dewiswch eich cyfrinair eich hun cyn defnyddio'r API.", (await refusedInWelsh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
    }

    [SkippableFact]
    public async Task ApiRequest_TokenOfAnAccountWithATemporaryPassword_IsRefusedWithThePageThatFixesIt()
    {
        // Only a token issued before the rule could carry a temporary password; the guard refuses it all the same.
        var email = await CreateAccountAsync("old-token", Roles.Referrer);
        using var api = factory.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await IssueTokenDirectlyAsync(email));

        var response = await api.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Choose your own password before using the API.", problem.GetProperty("title").GetString());
        Assert.Contains("/account/change-password", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Token_PartnerSystemAccount_GetsNoneForItsPassword_ButItsClientDoes()
    {
        // Partner systems moved to OAuth clients (docs/decisions/0044): the password an administrator gave is refused.
        var email = await CreateAccountAsync("partner", Roles.PartnerSystem);
        using var api = factory.Anonymous();

        var issued = await TokenAsync(api, email, "a temporary password");
        PartnerClientCredentials client;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var partner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
            client = await scope.ServiceProvider.GetRequiredService<IPartnerClients>().RegisterAsync(new NewPartnerClient(partner!.Id, "New partner", [Scopes.ReferralsRead], null), CancellationToken.None);
        }

        var clientToken = await PartnerClientTesting.RequestTokenAsync(api, client.ClientId, client.Secret!);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await clientToken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        var referrals = await api.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Forbidden, issued.StatusCode);
        Assert.Equal("Partner systems get their tokens as OAuth clients.", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, referrals.StatusCode);
    }

    [SkippableFact]
    public async Task AccessToken_AccountDisabled_IsRefusedAtTheNextCheck()
    {
        var (id, email) = await CreateOwnAccountAsync("disabled");
        using var api = await ApiClientAsync(email, OwnPassword);
        var before = await api.GetAsync("/api/v1/notifications");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<IAccountService>().UpdateAsync(id, new AccountChanges("Disabled person", null, [Roles.Referrer], [], Disabled: true), CancellationToken.None);
            Assert.True(changed.Succeeded);
        }

        var after = await api.GetAsync("/api/v1/notifications");

        // The test host checks at every request (Security:SessionCheckIntervalSeconds = 0), as the cookie's check does.
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [SkippableFact]
    public async Task AccessToken_PasswordChanged_IsRefusedAndANewOneWorks()
    {
        var (id, email) = await CreateOwnAccountAsync("new-password");
        using var api = await ApiClientAsync(email, OwnPassword);
        var before = await api.GetAsync("/api/v1/notifications");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<IAccountService>().ChangeOwnPasswordAsync(id, OwnPassword, "another password of my own", CancellationToken.None);
            Assert.True(changed.Succeeded);
        }

        var after = await api.GetAsync("/api/v1/notifications");
        using var renewed = await ApiClientAsync(email, "another password of my own");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/notifications")).StatusCode);
    }

    [SkippableFact]
    public async Task Token_WrongCodes_LockTheAccountAsOnTheSignInPage()
    {
        var (_, email) = await CreateOwnAccountAsync("wrong-codes");
        var key = await TurnOnTwoFactorAsync(email);
        using var api = factory.Anonymous();

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add((await TokenAsync(api, email, OwnPassword, WrongCode(key))).StatusCode);
        }

        var right = await TokenAsync(api, email, OwnPassword, Totp.Code(key));
        using var browser = factory.Anonymous();
        var page = await AppFactory.SignInAsync(browser, email, OwnPassword);

        Assert.All(wrong, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("You have tried to sign in too many times", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TwoFactorCode_UsedOnce_IsRefusedOnTheApiAndTheSignInPage()
    {
        var (_, email) = await CreateOwnAccountAsync("code-once");
        var key = await TurnOnTwoFactorAsync(email);
        var now = DateTimeOffset.UtcNow;
        var code = Totp.Code(key, now);
        using var api = factory.Anonymous();

        var first = await TokenAsync(api, email, OwnPassword, code);
        var again = await TokenAsync(api, email, OwnPassword, code);
        using var browser = factory.Anonymous();
        var signIn = await AppFactory.SignInAsync(browser, email, OwnPassword);
        var secondStep = await browser.GetStringAsync(signIn.Headers.Location);
        var onThePage = await browser.PostAsync(signIn.Headers.Location, AppFactory.Form(secondStep, ("Code", code)));
        var nextCode = await browser.PostAsync(signIn.Headers.Location, AppFactory.Form(secondStep, ("Code", Totp.Code(key, now.AddSeconds(30)))));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onThePage.StatusCode);
        Assert.Contains("The code is not right or has expired", await onThePage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, nextCode.StatusCode);
        Assert.Equal("/", nextCode.Headers.Location!.OriginalString);
    }

    [SkippableFact]
    public async Task Api_SignInCookieAlone_IsRefused()
    {
        var (_, email) = await CreateOwnAccountAsync("cookie");
        using var browser = factory.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await AppFactory.SignInAsync(browser, email, OwnPassword)).StatusCode);

        var page = await browser.GetAsync("/notifications");
        var write = await browser.PostAsync("/api/v1/notifications/read-all", null);
        var read = await browser.GetAsync("/api/v1/notifications");
        browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(email, OwnPassword));
        var withToken = await browser.PostAsync("/api/v1/notifications/read-all", null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    /// <summary>An account as an administrator creates it: with a temporary password to be changed at first sign-in.</summary>
    private async Task<string> CreateAccountAsync(string name, string role)
    {
        var email = $"{name}.{factory.Provider}@api-auth.example".ToLowerInvariant();
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IAccountService>().CreateAsync(new NewAccount(email, "API " + name, null, [role], [], "a temporary password"), CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        return email;
    }

    /// <summary>A referrer's account whose password is already their own.</summary>
    private async Task<(Guid Id, string Email)> CreateOwnAccountAsync(string name)
    {
        var email = await CreateAccountAsync(name, Roles.Referrer);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var changed = await scope.ServiceProvider.GetRequiredService<IAccountService>().ChangeOwnPasswordAsync(user.Id, "a temporary password", OwnPassword, CancellationToken.None);
        Assert.True(changed.Succeeded);
        return (user.Id, email);
    }

    /// <summary>Two-factor sign-in turned on, as anyone may from "Your account"; returns the authenticator key.</summary>
    private async Task<string> TurnOnTwoFactorAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private async Task ChangePasswordOnThePageAsync(string email, string current, string chosen)
    {
        using var browser = factory.Anonymous();
        await AppFactory.SignInAsync(browser, email, current);
        var page = await browser.GetStringAsync("/account/change-password");
        var changed = await browser.PostAsync("/account/change-password", AppFactory.Form(page, ("CurrentPassword", current), ("NewPassword", chosen)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    /// <summary>A token made here with the app's own keys, for an account as it is now, bypassing the token endpoint's rules.</summary>
    private async Task<string> IssueTokenDirectlyAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>();
        var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByEmailAsync(email))!);
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(30) };
        var bearer = factory.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        return bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme));
    }

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password, string? twoFactorCode = null) =>
        client.PostAsJsonAsync("/api/v1/auth/token", new { email, password, twoFactorCode });

    private async Task<string> AccessTokenAsync(string email, string password)
    {
        using var client = factory.Anonymous();
        var response = await TokenAsync(client, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private async Task<HttpClient> ApiClientAsync(string email, string password)
    {
        var client = factory.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(email, password));
        return client;
    }

    /// <summary>A code that is none of the five the app accepts around now.</summary>
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(0, 10).Select(i => (111111 * i).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(code => !accepted.Contains(code));
    }
}

public sealed class SqliteApiAuthenticationTests(SqliteAppFactory factory) : ApiAuthenticationTests<SqliteAppFactory>(factory);

public sealed class PostgresApiAuthenticationTests(PostgresAppFactory factory) : ApiAuthenticationTests<PostgresAppFactory>(factory);

public sealed class SqlServerApiAuthenticationTests(SqlServerAppFactory factory) : ApiAuthenticationTests<SqlServerAppFactory>(factory);
