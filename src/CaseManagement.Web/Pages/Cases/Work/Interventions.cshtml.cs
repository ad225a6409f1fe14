using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>The interventions of a case: what was offered and delivered, by whom, and the sessions attended.</summary>
public sealed class InterventionsModel(IMediator mediator, ICurrentUser user) : PageModel
{
    public CaseInterventionsDto List { get; private set; } = null!;

    public bool MayRecord { get; private set; }

    [FromQuery] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new ListInterventions(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        List = found;
        MayRecord = found.Case.CaseOpen && user.MaySend<RecordIntervention>();
        return Page();
    }
}
