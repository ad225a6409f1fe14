namespace CaseManagement.Domain.Partners;

/// <summary>
/// A partner system's address for the decisions on the referrals it sent (docs/decisions/0064). Keyed by the partner
/// account, so every client of that account manages the same subscriptions. The signing secret is kept protected
/// (the sender must read it back to sign), never shown after the answer that made it.
/// </summary>
public sealed class WebhookSubscription
{
    public const int UrlMaxLength = 500;
    public const int SecretMaxLength = 1000;

    /// <summary>How many addresses one partner account may have at once: enough for a live and a test system.</summary>
    public const int MaxPerPartner = 5;

    // For EF Core.
    private WebhookSubscription()
    {
        Url = string.Empty;
        ProtectedSecret = string.Empty;
    }

    public WebhookSubscription(Guid partnerUserId, Uri url, string protectedSecret, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedSecret);
        Id = Guid.NewGuid();
        PartnerUserId = partnerUserId;
        Url = url.AbsoluteUri;
        ProtectedSecret = protectedSecret;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid PartnerUserId { get; private set; }

    public string Url { get; private set; }

    public string ProtectedSecret { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>Set when the partner removed it or an administrator disabled it; nothing more is sent to it.</summary>
    public DateTime? DisabledAtUtc { get; private set; }

    public Guid? DisabledByUserId { get; private set; }

    public bool IsActive => DisabledAtUtc is null;

    public void Disable(DateTime nowUtc, Guid? byUserId)
    {
        if (DisabledAtUtc is not null)
        {
            return;
        }

        DisabledAtUtc = nowUtc;
        DisabledByUserId = byUserId;
    }
}
