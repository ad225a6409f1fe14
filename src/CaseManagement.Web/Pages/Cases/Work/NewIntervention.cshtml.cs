using CaseManagement.Application.Work.Interventions.Commands.RecordIntervention;
using CaseManagement.Application.Work.Interventions.Queries.GetInterventionChoices;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Records an intervention offered to the child: its kind from the team's list, its provider, planned dates, goals and needs.</summary>
public sealed class NewInterventionModel(IMediator mediator) : AppPageModel(mediator)
{
    /// <summary>The value of the provider choice that names an organisation instead of an agency.</summary>
    public const string OtherProvider = "other";

    public CaseInterventionsDto List { get; private set; } = null!;

    public InterventionChoicesDto Choices { get; private set; } = null!;

    /// <summary>The form's own key: a second press of the button finds the intervention the first one recorded.</summary>
    [BindProperty] public Guid SubmissionKey { get; set; }

    [BindProperty] public string? KindId { get; set; }

    [BindProperty] public string? ProviderAgencyId { get; set; }

    [BindProperty] public string? ProviderName { get; set; }

    [BindProperty] public DateInput PlannedStart { get; set; } = DateInput.Empty;

    [BindProperty] public DateInput PlannedEnd { get; set; } = DateInput.Empty;

    [BindProperty] public List<Guid> GoalIds { get; set; } = [];

    [BindProperty] public List<string> Needs { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var start = DateOf(nameof(PlannedStart), PlannedStart, "The planned start must be a real date, like 27 3 2027.");
        var end = DateOf(nameof(PlannedEnd), PlannedEnd, "The planned end must be a real date, like 27 3 2027.");
        var agency = ProviderAgencyId != OtherProvider && Guid.TryParse(ProviderAgencyId, out var chosen) ? chosen : (Guid?)null;
        var name = ProviderAgencyId == OtherProvider ? ProviderName : null;
        var request = new RecordIntervention(id, Guid.TryParse(KindId, out var kind) ? kind : null, agency, name, start, end, GoalIds, Needs, SubmissionKey == Guid.Empty ? null : SubmissionKey);
        if ((await TrySendAsync(request, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Interventions", new { id, done = "recorded" });
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new ListInterventions(id), cancellationToken) is not { Case.CaseOpen: true } list
            || await Mediator.Send(new GetInterventionChoices(id), cancellationToken) is not { } choices)
        {
            return false;
        }

        (List, Choices) = (list, choices);
        return true;
    }
}
