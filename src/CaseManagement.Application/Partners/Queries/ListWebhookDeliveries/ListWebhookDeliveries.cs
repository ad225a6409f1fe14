namespace CaseManagement.Application.Partners.Queries.ListWebhookDeliveries;

/// <summary>
/// The administrators' view of webhooks (docs/decisions/0064): every subscription with its partner account, and the
/// latest deliveries with their state, attempts, next try and last error. Never a body or a secret.
/// </summary>
/// <param name="SubscriptionId">Only this subscription's deliveries; all when null.</param>
[Authorize(Roles.Administrator)]
public sealed record ListWebhookDeliveries(Guid? SubscriptionId = null) : IRequest<WebhookLogDto>;

/// <summary>A subscription as administrators see it.</summary>
public sealed record WebhookSubscriptionRow(Guid Id, Guid PartnerUserId, string Url, DateTime CreatedAtUtc, DateTime? DisabledAtUtc, int Waiting, int Failed);

/// <summary>Where a delivery stands.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Not yet delivered; tried again at the next try.</summary>
    Waiting,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: too many failed attempts, or the subscription was disabled.</summary>
    Failed,
}

/// <summary>One delivery in the log.</summary>
public sealed record WebhookDeliveryRow(Guid EventId, Guid SubscriptionId, string EventType, DateTime CreatedAtUtc, WebhookDeliveryState State, int Attempts, DateTime? NextAttemptAtUtc, int? LastStatusCode, string? LastError);

/// <summary>The subscriptions and the latest deliveries.</summary>
public sealed record WebhookLogDto(IReadOnlyList<WebhookSubscriptionRow> Subscriptions, IReadOnlyList<WebhookDeliveryRow> Deliveries);

public sealed class ListWebhookDeliveriesHandler(IApplicationDbContext db) : IRequestHandler<ListWebhookDeliveries, WebhookLogDto>
{
    /// <summary>The page shows the newest deliveries only; the rest stay in the table.</summary>
    public const int Shown = 200;

    public async Task<WebhookLogDto> Handle(ListWebhookDeliveries request, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking()
            .OrderBy(s => s.DisabledAtUtc != null).ThenByDescending(s => s.CreatedAtUtc)
            .Select(s => new WebhookSubscriptionRow(
                s.Id, s.PartnerUserId, s.Url, s.CreatedAtUtc, s.DisabledAtUtc,
                db.WebhookDeliveries.Count(d => d.SubscriptionId == s.Id && d.DeliveredAtUtc == null && d.FailedAtUtc == null),
                db.WebhookDeliveries.Count(d => d.SubscriptionId == s.Id && d.FailedAtUtc != null)))
            .ToListAsync(cancellationToken);
        var deliveries = db.WebhookDeliveries.AsNoTracking();
        if (request.SubscriptionId is { } only)
        {
            deliveries = deliveries.Where(d => d.SubscriptionId == only);
        }

        var rows = await deliveries
            .OrderByDescending(d => d.CreatedAtUtc).ThenBy(d => d.Id)
            .Take(Shown)
            .Select(d => new WebhookDeliveryRow(
                d.EventId, d.SubscriptionId, d.EventType, d.CreatedAtUtc,
                d.DeliveredAtUtc != null ? WebhookDeliveryState.Delivered : d.FailedAtUtc != null ? WebhookDeliveryState.Failed : WebhookDeliveryState.Waiting,
                d.Attempts, d.DeliveredAtUtc == null && d.FailedAtUtc == null ? d.NextAttemptAtUtc : null, d.LastStatusCode, d.LastError))
            .ToListAsync(cancellationToken);
        return new WebhookLogDto(subscriptions, rows);
    }
}
