using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Plans.Commands.ChangePlanAction;
using CaseManagement.Application.Work.Plans.Queries;
using CaseManagement.Application.Work.Plans.Queries.GetPlan;
using CaseManagement.Domain.Work;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Changes an action of the professionals' plan and moves it on: not started, in progress, done, or dropped with a reason.</summary>
public sealed class PlanActionModel(IMediator mediator) : AppPageModel(mediator)
{
    public PlanDto Plan { get; private set; } = null!;

    public PlanActionDto Action { get; private set; } = null!;

    [BindProperty] public string? What { get; set; }

    [BindProperty] public string? OwnerAgency { get; set; }

    [BindProperty] public string? OwnerPerson { get; set; }

    [BindProperty] public DateInput DueOn { get; set; } = DateInput.Empty;

    [BindProperty] public List<string> Needs { get; set; } = [];

    [BindProperty] public string? State { get; set; }

    [BindProperty] public string? DroppedReason { get; set; }

    public async Task OnGetAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, actionId, cancellationToken);
        (What, OwnerAgency, OwnerPerson, DueOn, State, DroppedReason) = (Action.What, Action.OwnerAgency, Action.OwnerPerson, DateInput.From(Action.DueOn), Action.State.ToString(), Action.DroppedReason);
        Needs = Action.Needs.Select(n => n.Code).ToList();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        var due = DateOf(nameof(DueOn), DueOn, "The due date must be a real date, like 27 3 2027.");
        var change = new ChangePlanAction(id, actionId, What ?? string.Empty, OwnerAgency ?? string.Empty, OwnerPerson, due, Needs, FormChoices.Choice<PlanActionState>(State), DroppedReason);
        if ((await TrySendAsync(change, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Plan", new { id, done = "action-changed" });
        }

        await LoadAsync(id, actionId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid actionId, CancellationToken cancellationToken)
    {
        Plan = await Mediator.Send(new GetPlan(id), cancellationToken) is { Case.CanChange: true } found ? found : throw NotFoundException.For("Case", id);
        Action = Plan.Draft.Actions.FirstOrDefault(a => a.Id == actionId) ?? throw NotFoundException.For("Action", actionId);
    }
}
