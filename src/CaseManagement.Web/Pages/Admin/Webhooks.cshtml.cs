using CaseManagement.Application.Partners.Commands.DisableWebhook;
using CaseManagement.Application.Partners.Queries.ListWebhookDeliveries;
using CaseManagement.Application.Users.Queries.ListUsers;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>
/// Partners' webhook subscriptions and the delivery log (docs/decisions/0064): what was sent, how often it was tried,
/// the next try and the last error (never a body or a secret); an administrator may disable a subscription.
/// </summary>
public sealed class WebhooksModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Subscription { get; set; }

    public WebhookLogDto Log { get; private set; } = new([], []);

    /// <summary>The partner accounts' names, by user id.</summary>
    public IReadOnlyDictionary<Guid, string> Partners { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Log = await Mediator.Send(new ListWebhookDeliveries(Subscription), cancellationToken);
        Partners = (await Mediator.Send(new ListUsers(), cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid? subscriptionId, CancellationToken cancellationToken)
    {
        if (subscriptionId is { } id)
        {
            await Mediator.Send(new DisableWebhook(id), cancellationToken);
        }

        return RedirectToPage();
    }
}
