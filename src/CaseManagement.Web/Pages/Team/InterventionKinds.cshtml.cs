using CaseManagement.Application.Work.Interventions.Commands.AddInterventionKind;
using CaseManagement.Application.Work.Interventions.Queries;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventionKinds;

namespace CaseManagement.Web.Pages.Team;

/// <summary>The team's list of kinds of intervention: its manager adds kinds here and opens one to rename or retire it.</summary>
public sealed class InterventionKindsModel(IMediator mediator) : AppPageModel(mediator)
{
    public IReadOnlyList<InterventionKindDto> Kinds { get; private set; } = [];

    [FromQuery] public string? Done { get; set; }

    [BindProperty] public string? NameEnglish { get; set; }

    [BindProperty] public string? NameWelsh { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Kinds = await Mediator.Send(new ListInterventionKinds(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(new AddInterventionKind(NameEnglish, NameWelsh), cancellationToken)).Ok)
        {
            return RedirectToPage("/Team/InterventionKinds", new { done = "added" });
        }

        Kinds = await Mediator.Send(new ListInterventionKinds(), cancellationToken);
        return Page();
    }
}
