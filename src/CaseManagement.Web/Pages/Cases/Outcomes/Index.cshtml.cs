using CaseManagement.Application.Outcomes.Queries.GetCaseOutcomes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>A case's indicators at the start, reviews and end, its incident and disposals, later offences, outcome and distance travelled.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public CaseOutcomesDto Outcomes { get; private set; } = null!;

    [FromQuery] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetCaseOutcomes(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Outcomes = found;
        return Page();
    }
}
