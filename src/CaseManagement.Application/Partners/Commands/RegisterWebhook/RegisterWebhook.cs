using CaseManagement.Domain.Partners;
using Microsoft.Extensions.Options;

namespace CaseManagement.Application.Partners.Commands.RegisterWebhook;

/// <summary>A partner system registers an address for the decisions on the referrals it sent (docs/decisions/0064).</summary>
/// <param name="Url">The HTTPS address to post events to.</param>
[Authorize(Roles.PartnerSystem)]
public sealed record RegisterWebhook(string Url) : ICommand<RegisteredWebhookDto>;

/// <summary>The subscription just registered, with its signing secret: shown in this answer only.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where the events are posted.</param>
/// <param name="Secret">The signing secret (<c>whsec_</c> then base64): keep it safe, it cannot be read again.</param>
/// <param name="CreatedAtUtc">When it was registered.</param>
public sealed record RegisteredWebhookDto(Guid Id, string Url, string Secret, DateTime CreatedAtUtc);

public sealed class RegisterWebhookHandler(IApplicationDbContext db, ICurrentUser user, IWebhookSecrets secrets, TimeProvider clock) : IRequestHandler<RegisterWebhook, RegisteredWebhookDto>
{
    public async Task<RegisteredWebhookDto> Handle(RegisterWebhook request, CancellationToken cancellationToken)
    {
        var partner = user.UserId ?? throw new UnauthorizedAccessException();
        if (await db.WebhookSubscriptions.CountAsync(s => s.PartnerUserId == partner && s.DisabledAtUtc == null, cancellationToken) >= WebhookSubscription.MaxPerPartner)
        {
            throw new DomainRuleException($"A partner may have {WebhookSubscription.MaxPerPartner} webhook addresses at most: remove one first.", nameof(RegisterWebhook.Url));
        }

        var secret = WebhookSignature.NewSecret();
        var subscription = new WebhookSubscription(partner, new Uri(request.Url.Trim()), secrets.Protect(secret), clock.GetUtcNow().UtcDateTime);
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return new RegisteredWebhookDto(subscription.Id, subscription.Url, secret, subscription.CreatedAtUtc);
    }
}

public sealed class RegisterWebhookValidator : AbstractValidator<RegisterWebhook>
{
    public RegisterWebhookValidator(IOptions<WebhookSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        RuleFor(r => r.Url)
            .NotEmpty().WithMessage("Enter the address to send events to.")
            .MaximumLength(WebhookSubscription.UrlMaxLength).WithMessage("The address must be 500 characters or fewer.")
            .Custom((url, context) =>
            {
                if (WebhookAddress.Refusal(url.Trim(), settings.Value) is { } refusal)
                {
                    context.AddFailure(refusal);
                }
            });
    }
}
