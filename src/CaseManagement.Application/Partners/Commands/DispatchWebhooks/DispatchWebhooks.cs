using CaseManagement.Application.Jobs;
using CaseManagement.Domain.Partners;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Partners.Commands.DispatchWebhooks;

/// <summary>
/// Sends the webhooks waiting in the outbox (docs/decisions/0064), as the e-mail dispatch does: a run claims a batch
/// with a lease, posts each signed with a fresh timestamp and the event's own id, and marks it delivered on a 2xx.
/// A failure waits 1, 2, 4 ... 256 minutes before the next try; after <see cref="WebhookDelivery.MaxAttempts"/> the
/// delivery is marked failed (the changes feed still has the decision).
/// </summary>
/// <param name="BatchSize">At most this many deliveries per run.</param>
[Authorize(Roles.System)]
public sealed record DispatchWebhooks(int BatchSize = 50) : IRequest<WebhookDispatchResult>;

/// <summary>What a run did.</summary>
/// <param name="Delivered">Answered 2xx.</param>
/// <param name="Failed">Failed, to be tried again.</param>
/// <param name="GaveUp">Failed for the last time.</param>
public sealed record WebhookDispatchResult(int Delivered, int Failed, int GaveUp)
{
    public JobSummary Summary => JobSummary.Of(JobSummary.WebhooksDelivered, Delivered, Failed, GaveUp);
}

internal sealed partial class DispatchWebhooksHandler(IApplicationDbContext db, IWebhookSender sender, IWebhookSecrets secrets, TimeProvider clock, ILogger<DispatchWebhooksHandler> logger)
    : IRequestHandler<DispatchWebhooks, WebhookDispatchResult>
{
    /// <summary>Longer than a batch takes: each post times out after 10 seconds.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(15);

    public async Task<WebhookDispatchResult> Handle(DispatchWebhooks request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = Guid.NewGuid();
        var candidates = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.DeliveredAtUtc == null && d.FailedAtUtc == null && d.NextAttemptAtUtc <= now && (d.LeaseExpiresAtUtc == null || d.LeaseExpiresAtUtc < now))
            .OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id)
            .Select(d => d.Id)
            .Take(Math.Clamp(request.BatchSize, 1, 500))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new WebhookDispatchResult(0, 0, 0);
        }

        // The claim repeats the conditions: a delivery another server claimed since the read above is left to it.
        var leaseUntil = now + LeaseDuration;
        await db.WebhookDeliveries
            .Where(d => candidates.Contains(d.Id) && d.DeliveredAtUtc == null && d.FailedAtUtc == null && d.NextAttemptAtUtc <= now && (d.LeaseExpiresAtUtc == null || d.LeaseExpiresAtUtc < now))
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseId, lease).SetProperty(d => d.LeaseExpiresAtUtc, leaseUntil).SetProperty(d => d.Attempts, d => d.Attempts + 1), cancellationToken);
        var claimed = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.LeaseId == lease)
            .Join(db.WebhookSubscriptions.AsNoTracking(), d => d.SubscriptionId, s => s.Id, (d, s) => new { d.Id, d.EventId, d.Body, d.Attempts, d.CreatedAtUtc, s.Url, s.ProtectedSecret, s.DisabledAtUtc })
            .OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        int delivered = 0, failed = 0, gaveUp = 0;
        foreach (var delivery in claimed)
        {
            var attemptAt = clock.GetUtcNow();
            var answer = delivery.DisabledAtUtc is not null
                ? new WebhookAnswer(null, "The subscription was disabled.")
                : await SendAsync(delivery.Url, delivery.EventId, delivery.Body, delivery.ProtectedSecret, attemptAt, cancellationToken);
            var doneAt = clock.GetUtcNow().UtcDateTime;
            if (answer.Delivered)
            {
                // Marked at once, and not cancelled by a shutdown: the receiver has it, so the row must say so.
                await db.WebhookDeliveries.Where(d => d.Id == delivery.Id).ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.DeliveredAtUtc, doneAt).SetProperty(d => d.LastStatusCode, answer.StatusCode).SetProperty(d => d.LastError, (string?)null)
                        .SetProperty(d => d.LeaseId, (Guid?)null).SetProperty(d => d.LeaseExpiresAtUtc, (DateTime?)null),
                    CancellationToken.None);
                delivered++;
                continue;
            }

            var giveUp = delivery.Attempts >= WebhookDelivery.MaxAttempts || delivery.DisabledAtUtc is not null;
            var error = answer.Error!.Length > WebhookDelivery.ErrorMaxLength ? answer.Error[..WebhookDelivery.ErrorMaxLength] : answer.Error;
            DateTime? failedAt = giveUp ? doneAt : null;
            var retryAt = doneAt + WebhookDelivery.BackOff(delivery.Attempts);
            await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseId == lease).ExecuteUpdateAsync(
                set => set.SetProperty(d => d.LastError, error).SetProperty(d => d.LastStatusCode, answer.StatusCode).SetProperty(d => d.NextAttemptAtUtc, retryAt)
                    .SetProperty(d => d.FailedAtUtc, failedAt).SetProperty(d => d.LeaseId, (Guid?)null).SetProperty(d => d.LeaseExpiresAtUtc, (DateTime?)null),
                CancellationToken.None);
            LogFailed(logger, delivery.EventId, delivery.Attempts, giveUp);
            if (giveUp)
            {
                gaveUp++;
            }
            else
            {
                failed++;
            }
        }

        return new WebhookDispatchResult(delivered, failed, gaveUp);
    }

    private async Task<WebhookAnswer> SendAsync(string url, Guid eventId, string body, string protectedSecret, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var timestamp = at.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(secrets.Unprotect(protectedSecret), eventId.ToString(), timestamp, body);
        return await sender.SendAsync(new WebhookToSend(new Uri(url), eventId, timestamp, signature, body), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} was not accepted (attempt {Attempt}; given up: {GaveUp})")]
    private static partial void LogFailed(ILogger logger, Guid eventId, int attempt, bool gaveUp);
}
