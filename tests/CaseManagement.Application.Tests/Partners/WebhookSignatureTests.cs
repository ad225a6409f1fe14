using CaseManagement.Application.Partners;

namespace CaseManagement.Application.Tests.Partners;

/// <summary>The webhook signature is Standard Webhooks' own (decision 0064), so a partner may verify it with their libraries.</summary>
public sealed class WebhookSignatureTests
{
    // The test vector published with the Standard Webhooks libraries.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = "{\"test\": 2432232314}";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void Sign_GivesStandardWebhooksSignature() => Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void Verify_TakesTheSignature_AmongOthers() =>
        Assert.True(WebhookSignature.Verify(Secret, Id, "1614265330", Body, "v1,b2xkIHNpZ25hdHVyZQ== " + Expected, Then.AddMinutes(4)));

    [Theory]
    [InlineData(Id, "1614265330", "{\"test\": 2432232315}", Expected, 0)]
    [InlineData("msg_other", "1614265330", Body, Expected, 0)]
    [InlineData(Id, "1614265331", Body, Expected, 0)]
    [InlineData(Id, "1614265330", Body, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=", 0)]
    [InlineData(Id, "1614265330", Body, Expected, 6)]
    [InlineData(Id, "1614265330", Body, Expected, -6)]
    [InlineData(Id, "not a time", Body, Expected, 0)]
    public void Verify_RefusesAnAlteredOrStaleMessage(string id, string timestamp, string body, string signature, int minutesLater) =>
        Assert.False(WebhookSignature.Verify(Secret, id, timestamp, body, signature, Then.AddMinutes(minutesLater)));
}
