namespace CaseManagement.Infrastructure.Idempotency;

/// <summary>
/// The answer given to a request sent with an <c>Idempotency-Key</c>: a retry with the same key gets this answer
/// again instead of doing the work twice. Written in the same transaction as the work itself.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid UserId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request as bound, so a key reused for a different request is refused.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public int StatusCode { get; set; }

    public string ResponseBody { get; set; } = string.Empty;

    public string? Location { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
