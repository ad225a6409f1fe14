using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.MoveCaseload;
using CaseManagement.Application.Cases.Queries.GetCaseloadMove;
using CaseManagement.Application.Common.Exceptions;

namespace CaseManagement.Web.Pages.Team;

/// <summary>Moves every open case one person holds to another case manager of the team (someone leaving, or evening out caseloads).</summary>
public sealed class MoveModel(IMediator mediator) : AppPageModel(mediator)
{
    public CaseloadMoveDto Move { get; private set; } = null!;

    [BindProperty] public string? ToUserId { get; set; }

    public async Task OnGetAsync(Guid fromUserId, CancellationToken cancellationToken) => await LoadAsync(fromUserId, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid fromUserId, CancellationToken cancellationToken)
    {
        var to = Guid.TryParse(ToUserId, out var parsed) ? parsed : Guid.Empty;
        var (ok, moved) = await TrySendAsync(new MoveCaseload(fromUserId, to), cancellationToken);
        if (ok)
        {
            return RedirectToPage("/Team/Index", new { moved });
        }

        await LoadAsync(fromUserId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid fromUserId, CancellationToken cancellationToken) =>
        Move = await Mediator.Send(new GetCaseloadMove(fromUserId), cancellationToken) ?? throw NotFoundException.For("Caseload", fromUserId);
}
