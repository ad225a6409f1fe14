namespace CaseManagement.Application.Partners.Queries.ListWebhooks;

/// <summary>The calling partner's webhook subscriptions, newest first (never their secrets).</summary>
[Authorize(Roles.PartnerSystem)]
public sealed record ListWebhooks : IRequest<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooks request, CancellationToken cancellationToken)
    {
        var partner = user.UserId ?? throw new UnauthorizedAccessException();
        return await db.WebhookSubscriptions.AsNoTracking()
            .Where(s => s.PartnerUserId == partner)
            .OrderByDescending(s => s.CreatedAtUtc)
            .Select(s => new WebhookDto(s.Id, s.Url, s.CreatedAtUtc, s.DisabledAtUtc))
            .ToListAsync(cancellationToken);
    }
}
