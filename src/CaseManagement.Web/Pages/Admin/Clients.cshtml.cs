using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.PartnerClients.Commands.RegisterPartnerClient;
using CaseManagement.Application.PartnerClients.Commands.RevokePartnerClient;
using CaseManagement.Application.PartnerClients.Commands.RotatePartnerClientSecret;
using CaseManagement.Application.PartnerClients.Queries.ListPartnerClients;
using CaseManagement.Application.Users.Queries.ListUsers;

namespace CaseManagement.Web.Pages.Admin;

/// <summary>
/// Partner systems' OAuth clients (docs/decisions/0044): register one for a partner account, give it a new secret, or
/// revoke it. A new secret is shown on the answer to the post that made it, once; it is kept only as a hash.
/// </summary>
public sealed class ClientsModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty]
    public Guid PartnerUserId { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public string? PublicKeyPem { get; set; }

    public IReadOnlyList<PartnerClientSummary> Clients { get; private set; } = [];

    public IReadOnlyList<UserSummary> PartnerAccounts { get; private set; } = [];

    /// <summary>The client whose secret was just made, with the secret; shown this once.</summary>
    public PartnerClientCredentials? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (ok, issued) = await TrySendAsync(new RegisterPartnerClient { PartnerUserId = PartnerUserId, DisplayName = DisplayName ?? string.Empty, Scopes = Scopes, PublicKeyPem = PublicKeyPem }, cancellationToken);
        Issued = ok ? issued : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return RedirectToPage();
        }

        var (ok, secret) = await TrySendAsync(new RotatePartnerClientSecret(clientId), cancellationToken);
        Issued = ok ? new PartnerClientCredentials(clientId, secret) : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return RedirectToPage();
        }

        await Mediator.Send(new RevokePartnerClient(clientId), cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clients = await Mediator.Send(new ListPartnerClients(), cancellationToken);
        PartnerAccounts = [.. (await Mediator.Send(new ListUsers(), cancellationToken)).Where(u => u.Roles.Contains(Roles.PartnerSystem) && !u.IsDisabled)];
    }
}
