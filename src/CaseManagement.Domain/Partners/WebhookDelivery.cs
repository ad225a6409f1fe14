using CaseManagement.Domain.Common;

namespace CaseManagement.Domain.Partners;

/// <summary>
/// One event on its way to one subscription: written in the same transaction as the decision it reports (the outbox),
/// then sent by the dispatch job until the receiver answers 2xx or <see cref="MaxAttempts"/> attempts have failed.
/// <see cref="EventId"/> is the same on every attempt, so the receiver can tell a retry from a new event.
/// </summary>
public sealed class WebhookDelivery : OutboxMessage
{
    /// <summary>With the back-off doubling from a minute, the last attempt comes about 8.5 hours after the first.</summary>
    public const int MaxAttempts = 10;
    public const int TypeMaxLength = 50;
    public const int BodyMaxLength = 4000;
    public const int ErrorMaxLength = 500;

    // For EF Core.
    private WebhookDelivery()
    {
        EventType = string.Empty;
        Body = string.Empty;
    }

    public WebhookDelivery(Guid eventId, Guid subscriptionId, Guid referralId, string eventType, string body, DateTime nowUtc)
        : base(nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        EventId = eventId;
        SubscriptionId = subscriptionId;
        ReferralId = referralId;
        EventType = eventType;
        Body = body;
    }

    /// <summary>The event's id, sent as <c>webhook-id</c>: the receiver's key for de-duplicating.</summary>
    public Guid EventId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid ReferralId { get; private set; }

    public string EventType { get; private set; }

    /// <summary>The JSON sent, exactly as signed: only the feed's facts (the referral's id and reference, the decision).</summary>
    public string Body { get; private set; }

    public DateTime? DeliveredAtUtc { get; private set; }

    /// <summary>Set when the last attempt failed or the subscription was disabled; nothing more is tried.</summary>
    public DateTime? FailedAtUtc { get; private set; }

    /// <summary>The receiver's status code on the last attempt, when it answered.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>The wait before the attempt after <paramref name="attempts"/> failed ones: 1, 2, 4 ... 256 minutes.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Clamp(attempts - 1, 0, 8)));
}
