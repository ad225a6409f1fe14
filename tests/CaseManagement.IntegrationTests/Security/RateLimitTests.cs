using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;

namespace CaseManagement.IntegrationTests.Security;

/// <summary>The app with the production-like limit of three attempts a minute, so the fourth is refused.</summary>
public sealed class RateLimitedAppFactory() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RateLimits:SignInPerMinute", "3");
        builder.UseSetting("Security:RateLimits:TokenPerMinute", "3");
        builder.UseSetting("Security:RateLimits:SelfReferralsPerMinute", "3");
    }
}

public sealed class RateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task SignIn_TooManyAttemptsFromOneAddress_GetsTheStyled429Page()
    {
        using var client = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AppFactory.SignInAsync(client, "referrer@demo.example", "wrong password " + i)).StatusCode);
        }

        var refused = await AppFactory.SignInAsync(client, "referrer@demo.example", AppFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Token_TooManyRequests_Is429ProblemDetails()
    {
        using var client = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@demo.example", password = "x" });
        }

        var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@demo.example", password = "x" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The token server answers before routing (decision 0044); the limiter by path reaches it all the same.</summary>
    [Fact]
    public async Task ConnectToken_TooManyRequests_Is429WithRetryAfter()
    {
        using var client = factory.Anonymous();
        for (var i = 0; i < 3; i++)
        {
            var answered = await PartnerClientTesting.RequestTokenAsync(client, "no-such-client", "wrong secret", "referrals:read");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);
        }

        var refused = await PartnerClientTesting.RequestTokenAsync(client, "no-such-client", "wrong secret", "referrals:read");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SelfReferral_TooManyFromOneAddress_GetsTheStyled429Page()
    {
        using var client = factory.Anonymous();
        var form = await client.GetStringAsync("/self-referral");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/self-referral", AppFactory.Form(form, ("Token", "x")))).StatusCode);
        }

        var refused = await client.PostAsync("/self-referral", AppFactory.Form(form, ("Token", "x")));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
