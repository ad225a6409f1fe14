using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManagement.Application.Partners.Queries.ListReferralChanges;
using CaseManagement.Domain.Partners;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Partners;

/// <summary>
/// The outbox of webhooks (docs/decisions/0064): each decision on a referral a partner sent becomes one event, queued
/// for each of that partner's active subscriptions in the save that records the decision, so an event is never lost
/// nor sent for a decision that was rolled back. The body is the changes feed's entry, nothing more about the child.
/// </summary>
public static class WebhookEvents
{
    public const string Accepted = "referral.accepted";
    public const string Signposted = "referral.signposted";
    public const string Declined = "referral.declined";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The event a status is, or null for a status that is not a decision.</summary>
    public static string? TypeOf(ReferralStatus status) => status switch
    {
        ReferralStatus.Accepted or ReferralStatus.LinkedToExistingChild => Accepted,
        ReferralStatus.Signposted => Signposted,
        ReferralStatus.Declined => Declined,
        _ => null,
    };

    /// <summary>Queues an event for each decided referral sent by a partner with an active subscription; the caller saves.</summary>
    public static async Task QueueAsync(IApplicationDbContext db, IReadOnlyCollection<Referral> decided, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decided);
        var partners = decided.Where(r => r.SubmittedByUserId is not null && r.DecidedAtUtc is not null && TypeOf(r.Status) is not null).Select(r => r.SubmittedByUserId!.Value).Distinct().ToList();
        if (partners.Count == 0)
        {
            return;
        }

        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => partners.Contains(s.PartnerUserId) && s.DisabledAtUtc == null)
            .Select(s => new { s.Id, s.PartnerUserId })
            .ToListAsync(cancellationToken);
        foreach (var referral in decided)
        {
            var type = TypeOf(referral.Status);
            var mine = subscriptions.Where(s => s.PartnerUserId == referral.SubmittedByUserId).ToList();
            if (type is null || referral.DecidedAtUtc is null || mine.Count == 0)
            {
                continue;
            }

            var eventId = Guid.NewGuid();
            var body = JsonSerializer.Serialize(
                new WebhookPayload(eventId, type, referral.DecidedAtUtc.Value, new ReferralChangeDto(referral.Id, referral.Reference, referral.Status, referral.OutcomeReason, referral.DecidedAtUtc.Value)),
                Json);
            foreach (var subscription in mine)
            {
                db.WebhookDeliveries.Add(new WebhookDelivery(eventId, subscription.Id, referral.Id, type, body, nowUtc));
            }
        }
    }
}

/// <summary>A webhook's body: the event and the feed's entry for the referral.</summary>
/// <param name="Id">The event id, also sent as the <c>webhook-id</c> header; the same on every retry.</param>
/// <param name="Type">referral.accepted, referral.signposted or referral.declined.</param>
/// <param name="Timestamp">When the team decided.</param>
/// <param name="Data">The referral and the decision, as the changes feed gives them.</param>
public sealed record WebhookPayload(Guid Id, string Type, DateTime Timestamp, ReferralChangeDto Data);
