using System.Collections.Concurrent;
using CaseManagement.Application.Partners;
using CaseManagement.Application.Partners.Commands.DispatchWebhooks;
using CaseManagement.Application.Partners.Queries.ListWebhookDeliveries;
using CaseManagement.Domain.Partners;
using CaseManagement.Infrastructure.Partners;
using CaseManagement.IntegrationTests.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CaseManagement.Application.Common.Security.Scopes;

namespace CaseManagement.IntegrationTests.Api;

/// <summary>
/// Signed webhooks back to the referrer (issue 23, docs/decisions/0064), on every database: a partner's receiver on
/// loopback gets a signed event for each decision, which the documented check accepts and a forgery fails; the same
/// decisions come through the changes feed; a receiver that was down gets the event, with the same id, once it is back.
/// The dispatch job is driven directly, with the app's clock moved past the back-off: no waiting.
/// </summary>
public abstract class WebhookTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Decisions_ArePushedSigned_AndMatchTheChangesFeed()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
        var (_, secret) = await RegisterAsync(partner, receiver.Url);
        var ids = await SendAndDecideThreeAsync(partner);

        var run = await factory.Services.SendAsSystemAsync(new DispatchWebhooks());

        // On SQLite the class shares one database: other tests' addresses, now gone, may fail beside these.
        Assert.Equal(3, run.Delivered);
        var received = receiver.Received.OrderBy(r => ids.IndexOf(Data(r).GetProperty("referralId").GetGuid())).ToList();
        Assert.Equal(3, received.Count);
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(secret, r.Id, r.Timestamp, r.Body, r.Signature, DateTimeOffset.UtcNow), "A genuine webhook failed the documented check."));
        Assert.Equal(["referral.accepted", "referral.signposted", "referral.declined"], received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()));
        Assert.Equal(received.Select(r => r.Id), received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()));

        // The same facts as the feed, and nothing about the child beyond them.
        var feed = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/partner/referral-changes?limit=200")).GetProperty("changes").EnumerateArray()
            .Where(c => ids.Contains(c.GetProperty("referralId").GetGuid())).ToList();
        Assert.Equal(feed.Select(Fact), received.Select(r => Fact(Data(r))));
        Assert.All(received, r => Assert.DoesNotContain("Prydderch", r.Body, StringComparison.Ordinal));

        // A forgery fails the same check: an altered body, another secret, a replayed old timestamp, no signature.
        var genuine = received[2];
        Assert.False(WebhookSignature.Verify(secret, genuine.Id, genuine.Timestamp, genuine.Body.Replace("Declined", "Accepted", StringComparison.Ordinal), genuine.Signature, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), genuine.Id, genuine.Timestamp, genuine.Body, genuine.Signature, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(secret, genuine.Id, genuine.Timestamp, genuine.Body, genuine.Signature, DateTimeOffset.UtcNow.AddMinutes(10)));
        Assert.False(WebhookSignature.Verify(secret, Guid.NewGuid().ToString(), genuine.Timestamp, genuine.Body, genuine.Signature, DateTimeOffset.UtcNow));
        Assert.False(WebhookSignature.Verify(secret, genuine.Id, genuine.Timestamp, genuine.Body, null, DateTimeOffset.UtcNow));

        // Delivered once: another run sends nothing again.
        Assert.Equal(0, (await factory.Services.SendAsSystemAsync(new DispatchWebhooks())).Delivered);
        Assert.Equal(3, receiver.Received.Count);
    }

    [SkippableFact]
    public async Task AReceiverThatIsDown_GetsTheEventWithTheSameId_OnceItIsBack()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
        var (subscription, secret) = await RegisterAsync(partner, receiver.Url);
        receiver.Down = true;
        var ids = await SendAndDecideThreeAsync(partner, count: 1);

        var first = await factory.Services.SendAsSystemAsync(new DispatchWebhooks());
        var log = await factory.Services.SendAsAdministratorAsync(new ListWebhookDeliveries(subscription));
        var soonAfter = await factory.Services.SendAsSystemAsync(new DispatchWebhooks());

        Assert.Equal(0, first.Delivered);
        var waiting = Assert.Single(log.Deliveries);
        Assert.Equal((WebhookDeliveryState.Waiting, 1), (waiting.State, waiting.Attempts));
        Assert.NotNull(waiting.LastError);
        Assert.True(waiting.NextAttemptAtUtc > DateTime.UtcNow, "The next try is not after a wait.");
        Assert.Equal(0, soonAfter.Delivered);
        Assert.Single(receiver.Refused);

        // Back up; the job's next run comes after the back-off (the app's clock moved on, not the test waiting).
        receiver.Down = false;
        var clock = new TestClock { Offset = WebhookDelivery.BackOff(1) + TimeSpan.FromSeconds(1) };
        await using (var later = factory.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock))))
        {
            Assert.Equal(1, (await later.Services.SendAsSystemAsync(new DispatchWebhooks())).Delivered);
        }

        var delivered = Assert.Single(receiver.Received);
        Assert.Equal(ids[0], Data(delivered).GetProperty("referralId").GetGuid());
        Assert.Equal(receiver.Refused.Single().Id, delivered.Id);
        Assert.True(WebhookSignature.Verify(secret, delivered.Id, delivered.Timestamp, delivered.Body, delivered.Signature, DateTimeOffset.UtcNow + clock.Offset));
        var after = Assert.Single((await factory.Services.SendAsAdministratorAsync(new ListWebhookDeliveries(subscription))).Deliveries);
        Assert.Equal((WebhookDeliveryState.Delivered, 2), (after.State, after.Attempts));
    }

    [SkippableFact]
    public async Task AReceiverOnAGoneReceiversPort_GetsOnlyItsOwnSubscriptionsEvents()
    {
        // Every test's partner client is the demo partner's, so an earlier test's subscription, left active (its receiver
        // gone), is sent each new event too. When the system gives a later receiver the same port, as it may in a busy
        // run, that receiver must not take the gone one's events: here the port is reused on purpose.
        int port;
        await using (var gone = await TestReceiver.StartAsync())
        {
            using var earlier = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
            await RegisterAsync(earlier, gone.Url);
            port = new Uri(gone.Url).Port;
        }

        await using var receiver = await TestReceiver.StartAsync(port);
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
        await RegisterAsync(partner, receiver.Url);
        var ids = await SendAndDecideThreeAsync(partner);

        var run = await factory.Services.SendAsSystemAsync(new DispatchWebhooks());

        Assert.Equal(3, run.Delivered);
        Assert.Equal(3, receiver.Received.Count);
        Assert.Equal(ids.Order(), receiver.Received.Select(r => Data(r).GetProperty("referralId").GetGuid()).Order());
    }

    [SkippableFact]
    public async Task Subscriptions_AreThePartnersOwn_AndRemovedOnesGetNothing()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
        var (id, _) = await RegisterAsync(partner, receiver.Url);
        var listed = (await partner.GetFromJsonAsync<JsonElement>("/api/v1/partner/webhooks")).EnumerateArray().Single(s => s.GetProperty("url").GetString() == receiver.Url);

        var notAnAddress = await partner.PostAsJsonAsync("/api/v1/partner/webhooks", new { url = "ftp://receiver.example/hooks" });
        var removed = await partner.DeleteAsync($"/api/v1/partner/webhooks/{id}");
        var notTheirs = await partner.DeleteAsync($"/api/v1/partner/webhooks/{Guid.NewGuid()}");
        await SendAndDecideThreeAsync(partner, count: 1);
        var run = await factory.Services.SendAsSystemAsync(new DispatchWebhooks());

        Assert.Equal(HttpStatusCode.BadRequest, notAnAddress.StatusCode);
        Assert.Equal("Enter the full address, starting https://.", (await notAnAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.DoesNotContain("secret", listed.EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.NotNull((await partner.GetFromJsonAsync<JsonElement>("/api/v1/partner/webhooks")).EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == id).GetProperty("disabledAtUtc").GetString());
        Assert.Equal(0, run.Delivered);
        Assert.Empty(receiver.Received);
    }

    [SkippableFact]
    public async Task TheAdministratorsPage_ShowsTheLog_AndDisablesASubscription()
    {
        await using var receiver = await TestReceiver.StartAsync();
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, ReferralsSubmit, ReferralsRead, WebhooksManage);
        var (subscription, _) = await RegisterAsync(partner, receiver.Url);
        receiver.Down = true;
        await SendAndDecideThreeAsync(partner, count: 1);
        await factory.Services.SendAsSystemAsync(new DispatchWebhooks());
        var admin = await factory.SignedInAsync("admin@demo.example");

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/webhooks"));
        var form = await admin.GetStringAsync("/admin/webhooks");
        var disabled = await admin.PostAsync("/admin/webhooks?handler=Disable", AppFactory.Form(form, ("subscriptionId", subscription.ToString())));
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/webhooks?subscription={subscription}"));

        Assert.Contains(receiver.Url, page, StringComparison.Ordinal);
        Assert.Contains("referral.accepted", page, StringComparison.Ordinal);
        Assert.Contains("Waiting", page, StringComparison.Ordinal);
        Assert.Contains("No answer", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"data\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.Contains("Disabled", after, StringComparison.Ordinal);
        Assert.Contains("The subscription was disabled.", after, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OutsideTheTests_LoopbackAndPrivateAddresses_AreRefused()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var production = Options.Create(new WebhookSettings());
        using var sender = new HttpWebhookSender(Options.Create(new WebhookSettings { AllowHttp = true }));

        var answer = await sender.SendAsync(new WebhookToSend(new Uri(receiver.Url), Guid.NewGuid(), 0, "v1,x", "{}"), CancellationToken.None);

        Assert.False(answer.Delivered);
        Assert.Empty(receiver.Received.Concat(receiver.Refused));
        Assert.Equal("The address must start https://.", WebhookAddress.Refusal("http://partner.example/hooks", production.Value));
        foreach (var url in new[] { "https://127.0.0.1/hooks", "https://localhost:8443/hooks", "https://10.1.2.3/hooks", "https://192.168.0.9/hooks", "https://169.254.169.254/latest", "https://[::1]/hooks", "https://[fd00::1]/hooks" })
        {
            Assert.Equal("The address must be reachable on the internet, not a private or local one.", WebhookAddress.Refusal(url, production.Value));
        }

        Assert.Null(WebhookAddress.Refusal("https://partner.example/hooks", production.Value));
    }

    /// <summary>A change's facts; the time to the millisecond, as PostgreSQL keeps microseconds where the event has ticks.</summary>
    private static string Fact(JsonElement change) => string.Join(
        " | ",
        change.GetProperty("referralId").GetString(),
        change.GetProperty("reference").GetString(),
        change.GetProperty("status").GetString(),
        change.GetProperty("outcomeReason").ToString(),
        change.GetProperty("decidedAtUtc").GetDateTime().ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));

    private static JsonElement Data(TestReceiver.Request request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data");

    private static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient partner, string url)
    {
        var registered = await partner.PostAsJsonAsync("/api/v1/partner/webhooks", new { url });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var answer = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var secret = answer.GetProperty("secret").GetString()!;
        Assert.StartsWith(WebhookSignature.SecretPrefix, secret, StringComparison.Ordinal);
        return (answer.GetProperty("id").GetGuid(), secret);
    }

    /// <summary>Sends referrals for different children (so each goes straight to screening) and decides them: accept, signpost, decline.</summary>
    private async Task<List<Guid>> SendAndDecideThreeAsync(HttpClient partner, int count = 3)
    {
        var screener = await factory.SignedInAsync("casemanager@demo.example");
        var ids = new List<Guid>();
        foreach (var (given, family, born) in ((string, string, string)[])[("Elis", "Bowen", "2012-01-20"), ("Manon", "Tudur", "2010-06-02"), ("Osian", "Prydderch", "2013-09-11")])
        {
            if (ids.Count == count)
            {
                break;
            }

            // On SQLite the class shares one database: each call's children are new to it, or matching would hold them.
            var call = Interlocked.Increment(ref _calls);
            var sent = await partner.PostAsJsonAsync("/api/v1/referrals", PartnerReferrals.Referral(await PartnerReferrals.TeamIdAsync(factory), given + Letters(call), $"{family}-{Letters(call * 7)}", DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture).AddDays(call * 37).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            ids.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        Assert.Equal(HttpStatusCode.OK, (await screener.PostAsync($"/api/v1/referrals/{ids[0]}/accept", null)).StatusCode);
        if (count > 1)
        {
            Assert.Equal(HttpStatusCode.OK, (await screener.PostAsJsonAsync($"/api/v1/referrals/{ids[1]}/signpost", new { reason = "Families First, Abertawe." })).StatusCode);
        }

        if (count > 2)
        {
            Assert.Equal(HttpStatusCode.OK, (await screener.PostAsJsonAsync($"/api/v1/referrals/{ids[2]}/decline", new { reason = "No concern for the team." })).StatusCode);
        }

        return ids;
    }

    private static int _calls;

    private static string Letters(int n) => new([(char)('a' + (n % 26)), (char)('a' + (n / 26 % 26)), (char)('k' + (n / 676 % 16))]);

}

/// <summary>
/// A partner's webhook receiver: a small Kestrel host on loopback, at an address no other receiver has had, that keeps
/// what it is sent, or, while down, drops the connection.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestReceiver(WebApplication app) => _app = app;

    public sealed record Request(string? Id, string? Timestamp, string? Signature, string Body);

    public string Url { get; private set; } = string.Empty;

    /// <summary>While true, each request is read and its connection dropped with no answer, as a server going down does.</summary>
    public bool Down { get; set; }

    public ConcurrentQueue<Request> Received { get; } = new();

    public ConcurrentQueue<Request> Refused { get; } = new();

    /// <summary>Starts a receiver on <paramref name="port"/>, or on any free port.</summary>
    public static async Task<TestReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new TestReceiver(app);

        // A path of its own: a port is the system's to give again once a receiver is gone, and an earlier test's
        // subscription to the old address must then find nothing here (a 404, a failed delivery), not this receiver.
        var path = $"/hooks/{Guid.NewGuid():N}";
        app.MapPost(path, async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers;
            var request = new Request(headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader], headers[WebhookSignature.SignatureHeader], await reader.ReadToEndAsync());
            if (receiver.Down)
            {
                receiver.Refused.Enqueue(request);
                context.Abort();
                return;
            }

            receiver.Received.Enqueue(request);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync();
        receiver.Url = app.Urls.Single().TrimEnd('/') + path;
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed class SqliteWebhookTests(SqliteAppFactory factory) : WebhookTests<SqliteAppFactory>(factory);

public sealed class PostgresWebhookTests(PostgresAppFactory factory) : WebhookTests<PostgresAppFactory>(factory);

public sealed class SqlServerWebhookTests(SqlServerAppFactory factory) : WebhookTests<SqlServerAppFactory>(factory);
