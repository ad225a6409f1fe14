using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CaseManagement.Domain.Audit;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static CaseManagement.Application.Common.Security.Scopes;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>
/// Partner systems as OAuth clients of the app's token server (issue 21, docs/decisions/0044), end to end on both
/// databases: a token from the client credentials grant (secret or signed assertion) submits a referral as the partner
/// account; a token outside its scopes, expired, for another audience or altered is refused; the old password gets none.
/// </summary>
public abstract partial class PartnerClientTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    // The referrals API's own valid referral, so a new required field reaches these tests too.
    private static object ValidReferral(string familyName) => Api.ReferralApiTests<TFactory>.ValidReferral("Gethin", familyName);

    [SkippableFact]
    public async Task ClientSecretToken_SubmitsAReferral_AsThePartnerAccount()
    {
        using var client = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead);

        var response = await client.PostAsJsonAsync("/api/v1/referrals", ValidReferral("Client-" + factory.Provider));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var read = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var partner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PartnerClientTesting.PartnerEmail);
        var referral = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == created.GetProperty("id").GetGuid());
        Assert.Equal(partner!.Id, referral.SubmittedByUserId);
    }

    [SkippableFact]
    public async Task ReadOnlyClient_CannotSubmit_ButReadsItsReferrals()
    {
        using var client = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsRead);

        var submit = await client.PostAsJsonAsync("/api/v1/referrals", ValidReferral("ReadOnly"));
        var list = await client.GetAsync("/api/v1/referrals");

        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Contains("insufficient_scope", submit.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://casemanagement.example/problems/insufficient-scope", (await submit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [SkippableFact]
    public async Task TokenRequest_ForAScopeNotGiven_IsRefusedAndAudited()
    {
        var credentials = await PartnerClientTesting.RegisterAsync(factory, ReferralsRead);
        using var client = factory.Anonymous();

        var response = await PartnerClientTesting.RequestTokenAsync(client, credentials.ClientId, credentials.Secret!, ReferralsSubmit);

        // OpenIddict answers a scope the client was not given as an invalid request (ID2051), not an unknown scope.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Contains(await AuditAsync(credentials.ClientId), e => e.Action == AuditAction.TokenRefused && e.Reason!.Contains("invalid_request", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task TokenRequest_WithAWrongSecret_IsRefusedAndAudited_AndARightOneIssuedAndAudited()
    {
        var credentials = await PartnerClientTesting.RegisterAsync(factory, ReferralsRead);
        using var client = factory.Anonymous();

        var wrong = await PartnerClientTesting.RequestTokenAsync(client, credentials.ClientId, "not-the-secret");
        var right = await PartnerClientTesting.RequestTokenAsync(client, credentials.ClientId, credentials.Secret!);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var token = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 60, 600);
        var audit = await AuditAsync(credentials.ClientId);
        Assert.Contains(audit, e => e.Action == AuditAction.TokenRefused && e.Reason!.Contains("invalid_client", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditAction.TokenIssued && e.Reason!.Contains(ReferralsRead, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => (e.Reason ?? string.Empty).Contains(credentials.Secret!, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task PartnerPassword_NoLongerGetsAToken()
    {
        using var client = factory.Anonymous();

        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = PartnerClientTesting.PartnerEmail, password = AppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("https://casemanagement.example/problems/use-client-credentials", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [SkippableTheory]
    [InlineData("resigned unchanged", HttpStatusCode.OK)]
    [InlineData("another audience", HttpStatusCode.Unauthorized)]
    [InlineData("altered", HttpStatusCode.Unauthorized)]
    public async Task Token_ForAnotherAudienceOrAltered_IsRefused(string change, HttpStatusCode expected)
    {
        using var client = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsRead);
        var parts = client.DefaultRequestHeaders.Authorization!.Parameter!.Split('.');
        var header = JsonNode.Parse(Base64UrlEncoder.Decode(parts[0]))!.AsObject();
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        if (change == "another audience")
        {
            payload["aud"] = "another-api";
        }

        var token = Sign(header, payload);
        if (change == "altered")
        {
            // The partner account of another: a changed subject under the original signature.
            payload["sub"] = Guid.NewGuid().ToString();
            token = $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/referrals");

        Assert.Equal(expected, response.StatusCode);
    }

    [SkippableFact]
    public async Task SignedAssertionClient_GetsATokenWithItsPrivateKey_AndNotWithAnotherKey()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);
        string clientId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var partner = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(PartnerClientTesting.PartnerEmail);
            var registered = await scope.ServiceProvider.GetRequiredService<Application.Common.Interfaces.IPartnerClients>()
                .RegisterAsync(new(partner!.Id, "Keyed MASH system", [ReferralsRead], key.ExportSubjectPublicKeyInfoPem()), CancellationToken.None);
            Assert.Null(registered.Secret);
            clientId = registered.ClientId;
        }

        using var client = factory.Anonymous();
        var signed = await AssertionTokenAsync(client, clientId, key);
        var forged = await AssertionTokenAsync(client, clientId, other);

        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await signed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [SkippableFact]
    public async Task Discovery_NamesTheTokenRevocationAndIntrospectionEndpoints_AndIntrospectionReadsAToken()
    {
        var credentials = await PartnerClientTesting.RegisterAsync(factory, ReferralsRead);
        using var client = factory.Anonymous();
        var token = (await (await PartnerClientTesting.RequestTokenAsync(client, credentials.ClientId, credentials.Secret!)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.True(discovery.TryGetProperty("introspection_endpoint", out _) && discovery.TryGetProperty("token_endpoint_auth_methods_supported", out _), discovery.ToString());
        var keys = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString()!);
        var introspection = await client.PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["client_id"] = credentials.ClientId, ["client_secret"] = credentials.Secret! }));

        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/introspect", discovery.GetProperty("introspection_endpoint").GetString(), StringComparison.Ordinal);
        Assert.Contains("private_key_jwt", discovery.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.NotEmpty(keys.GetProperty("keys").EnumerateArray());
        var active = await introspection.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(active.GetProperty("active").GetBoolean());

        // The partner revokes its token: the API refuses it from the next request.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/referrals")).StatusCode);
        var revoked = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token, ["client_id"] = credentials.ClientId, ["client_secret"] = credentials.Secret! }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [SkippableFact]
    public async Task Token_AfterItsLifetime_IsRefused()
    {
        var clock = new Reminders.TestClock();
        await using var server = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var credentials = await PartnerClientTesting.RegisterAsync(factory, ReferralsRead);
        using var client = server.CreateClient();
        var token = (await (await PartnerClientTesting.RequestTokenAsync(client, credentials.ClientId, credentials.Secret!)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/referrals")).StatusCode);

        clock.Offset = TimeSpan.FromMinutes(11);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/referrals")).StatusCode);
    }

    [SkippableFact]
    public async Task AdministratorsPage_ShowsTheSecretOnce_RotatesItAndRevokesTheClient()
    {
        using var admin = await factory.SignedInAsync("admin@demo.example");

        var page = await admin.GetStringAsync("/admin/clients");
        var partnerId = PartnerOption().Match(page).Groups[1].Value;
        var registered = await admin.PostAsync("/admin/clients", AppFactory.Form(page, ("PartnerUserId", partnerId), ("DisplayName", "Page MASH system"), ("Scopes", ReferralsRead)));
        var html = await registered.Content.ReadAsStringAsync();
        var clientId = IssuedClientId().Match(html).Groups[1].Value;
        var secret = IssuedSecret().Match(html).Groups[1].Value;
        Assert.NotEmpty(secret);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/admin/clients"), StringComparison.Ordinal);

        using var partner = factory.Anonymous();
        var first = await PartnerClientTesting.RequestTokenAsync(partner, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        partner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

        var rotated = await (await admin.PostAsync("/admin/clients?handler=Rotate", AppFactory.Form(html, ("clientId", clientId)))).Content.ReadAsStringAsync();
        var newSecret = IssuedSecret().Match(rotated).Groups[1].Value;
        Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClientTesting.RequestTokenAsync(factory.Anonymous(), clientId, secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PartnerClientTesting.RequestTokenAsync(factory.Anonymous(), clientId, newSecret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/referrals")).StatusCode);

        await admin.PostAsync("/admin/clients?handler=Revoke", AppFactory.Form(rotated, ("clientId", clientId)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.GetAsync("/api/v1/referrals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClientTesting.RequestTokenAsync(factory.Anonymous(), clientId, newSecret)).StatusCode);
    }

    private async Task<List<AuditEntry>> AuditAsync(string clientId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditLog.AsNoTracking().Where(e => e.EntityType == "PartnerClient" && e.EntityId == clientId).ToListAsync();
    }

    /// <summary>Signs a token as the token server does, with its newest signing key.</summary>
    private string Sign(JsonObject header, JsonObject payload)
    {
        var key = (RsaSecurityKey)factory.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0].Key;
        return SignWith(key.Rsa, header, payload);
    }

    private static string SignWith(RSA key, JsonObject header, JsonObject payload)
    {
        var content = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}";
        return $"{content}.{Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(content), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))}";
    }

    private static async Task<HttpResponseMessage> AssertionTokenAsync(HttpClient client, string clientId, RSA key)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var assertion = SignWith(
            key,
            new JsonObject { ["alg"] = "RS256", ["typ"] = "client-authentication+jwt" },
            new JsonObject { ["iss"] = clientId, ["sub"] = clientId, ["aud"] = "http://localhost/", ["jti"] = Guid.NewGuid().ToString(), ["iat"] = now, ["nbf"] = now, ["exp"] = now + 300 });
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        }));
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"[^>]*>MASH")]
    private static partial Regex PartnerOption();

    [GeneratedRegex("data-testid=\"issued-client-id\">([^<]+)<")]
    private static partial Regex IssuedClientId();

    [GeneratedRegex("data-testid=\"issued-secret\">([^<]+)<")]
    private static partial Regex IssuedSecret();
}

public sealed class SqlitePartnerClientTests(SqliteAppFactory factory) : PartnerClientTests<SqliteAppFactory>(factory);

public sealed class PostgresPartnerClientTests(PostgresAppFactory factory) : PartnerClientTests<PostgresAppFactory>(factory);
