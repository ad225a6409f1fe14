namespace CaseManagement.Application.Partners.Queries;

/// <summary>A webhook subscription as its partner sees it: never its secret.</summary>
/// <param name="Id">The subscription.</param>
/// <param name="Url">Where the events are posted.</param>
/// <param name="CreatedAtUtc">When it was registered.</param>
/// <param name="DisabledAtUtc">When it was removed or disabled; null while events are sent to it.</param>
public sealed record WebhookDto(Guid Id, string Url, DateTime CreatedAtUtc, DateTime? DisabledAtUtc);
