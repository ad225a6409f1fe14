namespace CaseManagement.Application.Partners;

/// <summary>One signed webhook to post: the address, the headers' values and the body.</summary>
/// <param name="Url">The subscription's address.</param>
/// <param name="EventId">The event id, the same on every retry.</param>
/// <param name="Timestamp">Unix seconds of this attempt.</param>
/// <param name="Signature">The <c>webhook-signature</c> header's value.</param>
/// <param name="Body">The JSON body, exactly as signed.</param>
public sealed record WebhookToSend(Uri Url, Guid EventId, long Timestamp, string Signature, string Body);

/// <summary>The receiver's answer: its status code, or why there was none.</summary>
/// <param name="StatusCode">The HTTP status, when the receiver answered.</param>
/// <param name="Error">What went wrong, in our words; null for a 2xx.</param>
public sealed record WebhookAnswer(int? StatusCode, string? Error)
{
    public bool Delivered => Error is null;
}

/// <summary>Posts a webhook over HTTP, refusing private addresses (docs/decisions/0064). Never throws for the receiver's failures.</summary>
public interface IWebhookSender
{
    Task<WebhookAnswer> SendAsync(WebhookToSend webhook, CancellationToken cancellationToken);
}

/// <summary>Keeps subscriptions' signing secrets protected at rest (ASP.NET Core Data Protection), readable only by the app.</summary>
public interface IWebhookSecrets
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
