using CaseManagement.Domain.Partners;
using CaseManagement.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseManagement.Infrastructure.Persistence.Configurations;

/// <summary>Issue 23: partners' webhook subscriptions and the outbox of their deliveries (docs/decisions/0064).</summary>
internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("webhook_subscriptions");
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.UrlMaxLength).IsRequired();
        builder.Property(s => s.ProtectedSecret).HasMaxLength(WebhookSubscription.SecretMaxLength).IsRequired();
        builder.Ignore(s => s.IsActive);
        builder.HasIndex(s => s.PartnerUserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.PartnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.Property(d => d.EventType).HasMaxLength(WebhookDelivery.TypeMaxLength).IsRequired();
        builder.Property(d => d.Body).HasMaxLength(WebhookDelivery.BodyMaxLength).IsRequired();
        builder.HasOutboxMessage(WebhookDelivery.ErrorMaxLength);

        // The dispatch job's query: what is owed, by when.
        builder.HasIndex(d => new { d.DeliveredAtUtc, d.FailedAtUtc, d.NextAttemptAtUtc });
        builder.HasIndex(d => new { d.SubscriptionId, d.CreatedAtUtc });
        builder.HasIndex(d => d.EventId);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
    }
}
