using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionStatus;
using CaseManagement.Application.Work.Interventions.Queries;
using CaseManagement.Application.Work.Interventions.Queries.ListInterventions;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>One intervention, and what happened to it: started, completed, or stopped with the reason.</summary>
public sealed class InterventionModel(IMediator mediator, ICurrentUser user) : CaseItemStepPage<CaseInterventionsDto, InterventionDto>(mediator)
{
    public InterventionDto Intervention => Item;

    /// <summary>Whether the status can still change (the case is open, the intervention not ended, the reader may record).</summary>
    public bool MayChange { get; private set; }

    [BindProperty] public string? Status { get; set; }

    protected override (string Page, string Done) Saved => ("/Cases/Work/Interventions", "status");

    protected override string ItemName => "Intervention";

    public Task<IActionResult> OnGetAsync(Guid id, Guid interventionId, CancellationToken cancellationToken) =>
        ShowAsync(id, interventionId, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid id, Guid interventionId, CancellationToken cancellationToken) =>
        SaveAsync(id, interventionId, cancellationToken);

    protected override IRequest<CaseInterventionsDto?> ListRequest(Guid caseId) => new ListInterventions(caseId);

    protected override InterventionDto? Find(CaseInterventionsDto list, Guid itemId) => list.Interventions.FirstOrDefault(i => i.Id == itemId);

    protected override IRequest<Unit> StepRequest(Guid itemId, DateOnly? day) =>
        new ChangeInterventionStatus(itemId, FormChoices.Choice<InterventionStatus>(Status), day, Reason);

    protected override void Shown() =>
        MayChange = List.Case.CaseOpen && Intervention.Status is InterventionStatus.Planned or InterventionStatus.Started && user.MaySend<ChangeInterventionStatus>();
}
