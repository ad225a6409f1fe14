using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionStatus;
using CaseManagement.Application.Work.Interventions.Queries;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One intervention, and what happened to it: started, completed, or stopped with the reason.</summary>
public sealed class InterventionModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    public CaseInterventionsDto List { get; private set; } = null!;

    public InterventionDto Intervention { get; private set; } = null!;

    /// <summary>Whether the status can still change (the case is open, the intervention not ended, the reader may record).</summary>
    public bool MayChange { get; private set; }

    [BindProperty] public string? Status { get; set; }

    [BindProperty] public DateInput On { get; set; } = DateInput.Empty;

    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid interventionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, interventionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, Guid interventionId, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(On), On, "The date must be a real date, like 27 3 2027.");
        if ((await TrySendAsync(new ChangeInterventionStatus(interventionId, FormChoices.Choice<InterventionStatus>(Status), on, Reason), cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Interventions", new { id, done = "status" });
        }

        return await LoadAsync(id, interventionId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, Guid interventionId, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new ListInterventions(id), cancellationToken) is not { } list)
        {
            return false;
        }

        List = list;
        Intervention = list.Interventions.FirstOrDefault(i => i.Id == interventionId) ?? throw NotFoundException.For("Intervention", interventionId);
        MayChange = list.Case.CaseOpen && Intervention.Status is InterventionStatus.Planned or InterventionStatus.Started && user.MaySend<ChangeInterventionStatus>();
        return true;
    }
}
