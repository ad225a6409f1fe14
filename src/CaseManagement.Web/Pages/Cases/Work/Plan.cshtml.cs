using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Application.Work.Plans.Commands.AddExitSupport;
using CaseManagement.Application.Work.Plans.Commands.AddMyPlanItem;
using CaseManagement.Application.Work.Plans.Commands.AddPlanAction;
using CaseManagement.Application.Work.Plans.Commands.PublishPlan;
using CaseManagement.Application.Work.Plans.Commands.RemoveExitSupport;
using CaseManagement.Application.Work.Plans.Commands.RemoveMyPlanItem;
using CaseManagement.Application.Work.Plans.Commands.SetOwnAgencyActionState;
using CaseManagement.Application.Work.Plans.Queries.GetPlan;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>
/// The case's plan in its three parts, as it stands: the child's own plan, the goals and the professionals' actions,
/// the exit plan; each part is added to here, and the plan is published (and its versions opened) from here too.
/// </summary>
public sealed class PlanModel(IMediator mediator, ICurrentUser user) : AppPageModel(mediator)
{
    public PlanDto Plan { get; private set; } = null!;

    [FromQuery(Name = "done")] public string? Done { get; set; }

    [BindProperty] public string? Section { get; set; }

    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? What { get; set; }

    [BindProperty] public string? OwnerAgency { get; set; }

    [BindProperty] public string? OwnerPerson { get; set; }

    [BindProperty] public DateInput DueOn { get; set; } = DateInput.Empty;

    [BindProperty] public List<string> Needs { get; set; } = [];

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public string? Service { get; set; }

    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? WhatTheyDo { get; set; }

    [BindProperty] public Guid? ActionId { get; set; }

    [BindProperty] public string? State { get; set; }

    [BindProperty] public string? Reason { get; set; }

    /// <summary>A seconded practitioner says how their own agency's actions have got on (the plan decides which are theirs).</summary>
    public bool MayMoveOwnActions => user.MaySend<SetOwnAgencyActionState>();

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostOwnActionAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new SetOwnAgencyActionState(id, ActionId, FormChoices.Choice<PlanActionState>(State), Reason), "action-moved", cancellationToken);

    public Task<IActionResult> OnPostAddItemAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new AddMyPlanItem(id, FormChoices.Choice<MyPlanSection>(Section), Text ?? string.Empty), "item-added", cancellationToken);

    public Task<IActionResult> OnPostRemoveItemAsync(Guid id, Guid itemId, CancellationToken cancellationToken) =>
        SendAsync(id, new RemoveMyPlanItem(id, itemId), "item-removed", cancellationToken);

    public Task<IActionResult> OnPostAddActionAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = DateOf(nameof(DueOn), DueOn, "The due date must be a real date, like 27 3 2027.");
        return SendAsync(id, new AddPlanAction(id, What ?? string.Empty, OwnerAgency ?? string.Empty, OwnerPerson, due, Needs), "action-added", cancellationToken);
    }

    public Task<IActionResult> OnPostAddExitAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new AddExitSupport(id, FormChoices.Choice<ExitSupportKind>(Kind), FormChoices.Choice<UniversalService>(Service), Name, WhatTheyDo ?? string.Empty), "exit-added", cancellationToken);

    public Task<IActionResult> OnPostRemoveExitAsync(Guid id, Guid supportId, CancellationToken cancellationToken) =>
        SendAsync(id, new RemoveExitSupport(id, supportId), "exit-removed", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync(id, new PublishPlan(id), "published", cancellationToken);

    private async Task<IActionResult> SendAsync<T>(Guid id, IRequest<T> request, string done, CancellationToken cancellationToken)
    {
        if ((await TrySendAsync(request, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Plan", new { id, done });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Plan = await Mediator.Send(new GetPlan(id), cancellationToken) ?? throw NotFoundException.For("Case", id);
}
