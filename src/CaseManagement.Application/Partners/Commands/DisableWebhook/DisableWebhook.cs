namespace CaseManagement.Application.Partners.Commands.DisableWebhook;

/// <summary>
/// Stops a webhook subscription: its partner removing it, or an administrator disabling one that misbehaves. Events
/// still waiting for it are marked failed; the changes feed still has them.
/// </summary>
/// <param name="SubscriptionId">The subscription.</param>
[Authorize(Roles.PartnerSystem, Roles.Administrator)]
public sealed record DisableWebhook(Guid SubscriptionId) : ICommand<Unit>;

public sealed class DisableWebhookHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<DisableWebhook, Unit>
{
    public async Task<Unit> Handle(DisableWebhook request, CancellationToken cancellationToken)
    {
        // A partner sees only its own subscriptions: another's does not exist for it.
        var subscription = await db.WebhookSubscriptions
            .Where(s => s.Id == request.SubscriptionId && (user.IsInRole(Roles.Administrator) || s.PartnerUserId == user.UserId))
            .SingleOrDefaultAsync(cancellationToken) ?? throw NotFoundException.For("Webhook subscription", request.SubscriptionId);
        var now = clock.GetUtcNow().UtcDateTime;
        subscription.Disable(now, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == subscription.Id && d.DeliveredAtUtc == null && d.FailedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.FailedAtUtc, now).SetProperty(d => d.LastError, "The subscription was disabled."), cancellationToken);
        return Unit.Value;
    }
}
