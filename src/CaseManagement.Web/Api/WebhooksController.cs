using CaseManagement.Application.Partners.Commands.DisableWebhook;
using CaseManagement.Application.Partners.Commands.RegisterWebhook;
using CaseManagement.Application.Partners.Queries;
using CaseManagement.Application.Partners.Queries.ListWebhooks;

namespace CaseManagement.Web.Api;

/// <summary>A partner system's webhook subscriptions: where the decisions on its referrals are pushed (docs/api.md).</summary>
[Route("api/v1/partner/webhooks")]
public sealed class WebhooksController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Lists this partner's webhook subscriptions, newest first; secrets are never shown again.</summary>
    [HttpGet]
    public Task<IReadOnlyList<WebhookDto>> List(CancellationToken cancellationToken) => Mediator.Send(new ListWebhooks(), cancellationToken);

    /// <summary>
    /// Registers an HTTPS address for the decisions on this partner's referrals. The answer holds the signing secret,
    /// shown this once: keep it to verify each webhook's signature (docs/api.md).
    /// </summary>
    /// <remarks>
    /// Each accepted, signposted or declined referral is posted to the address as JSON with the headers
    /// <c>webhook-id</c> (the event id, the same on every retry), <c>webhook-timestamp</c> (Unix seconds) and
    /// <c>webhook-signature</c> (<c>v1,</c> and the base64 HMAC-SHA256 of <c>id.timestamp.body</c>, Standard Webhooks).
    /// Answer 2xx within 10 seconds; anything else is retried for about 8 hours with growing waits.
    /// </remarks>
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<RegisteredWebhookDto>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Register(RegisterWebhook request, CancellationToken cancellationToken)
    {
        var registered = await Mediator.Send(request, cancellationToken);
        return Created($"/api/v1/partner/webhooks/{registered.Id}", registered);
    }

    /// <summary>Removes a webhook subscription: nothing more is sent to it (the changes feed still has every decision).</summary>
    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Remove(Guid id, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new DisableWebhook(id), cancellationToken);
    }
}
