using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>A case's list of one part of the work (its interventions, its onward referrals), with the banner of what was just done.</summary>
/// <typeparam name="TList">The case's list, as its query answers it (null when the reader may not see the case).</typeparam>
public abstract class CaseWorkListPage<TList>(IMediator mediator) : PageModel
    where TList : class
{
    public TList List { get; private set; } = null!;

    [FromQuery] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(ListRequest(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        List = found;
        Shown();
        return Page();
    }

    protected abstract IRequest<TList?> ListRequest(Guid caseId);

    /// <summary>What the reader may do, once the list is read.</summary>
    protected abstract void Shown();
}
