using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionKind;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventionKinds;

namespace CaseManagement.Web.Pages.Team;

/// <summary>Renames one of the team's kinds of intervention, or retires it (old records keep it) or offers it again.</summary>
public sealed class InterventionKindModel(IMediator mediator) : AppPageModel(mediator)
{
    [BindProperty] public string? NameEnglish { get; set; }

    [BindProperty] public string? NameWelsh { get; set; }

    [BindProperty] public bool Retired { get; set; }

    public async Task OnGetAsync(Guid kindId, CancellationToken cancellationToken)
    {
        var kind = (await Mediator.Send(new ListInterventionKinds(), cancellationToken)).FirstOrDefault(k => k.Id == kindId) ?? throw NotFoundException.For("Intervention kind", kindId);
        (NameEnglish, NameWelsh, Retired) = (kind.NameEnglish, kind.NameWelsh, kind.Retired);
    }

    public async Task<IActionResult> OnPostAsync(Guid kindId, CancellationToken cancellationToken) =>
        (await TrySendAsync(new ChangeInterventionKind(kindId, NameEnglish, NameWelsh, Retired), cancellationToken)).Ok
            ? RedirectToPage("/Team/InterventionKinds", new { done = "changed" })
            : Page();
}
