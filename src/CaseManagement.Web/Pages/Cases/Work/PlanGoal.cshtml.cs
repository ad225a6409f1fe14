using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;
using CaseManagement.Application.Work.Plans.Queries;
using CaseManagement.Application.Work.Plans.Queries.GetPlan;

namespace CaseManagement.Web.Pages.Cases.Work;

/// <summary>Says which of the child's assessed needs a goal answers.</summary>
public sealed class PlanGoalModel(IMediator mediator) : AppPageModel(mediator)
{
    public PlanDto Plan { get; private set; } = null!;

    public PlanGoalDto Goal { get; private set; } = null!;

    [BindProperty] public List<string> Needs { get; set; } = [];

    public async Task OnGetAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, goalId, cancellationToken);
        Needs = Goal.Needs.Select(n => n.Code).ToList();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, goalId, cancellationToken);
        if ((await TrySendAsync(new SetGoalNeeds(goalId, Needs), cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Work/Plan", new { id, done = "goal-needs" });
        }

        return Page();
    }

    private async Task LoadAsync(Guid id, Guid goalId, CancellationToken cancellationToken)
    {
        Plan = await Mediator.Send(new GetPlan(id), cancellationToken) is { Case.CanChange: true } found ? found : throw NotFoundException.For("Case", id);
        Goal = Plan.Draft.Goals.FirstOrDefault(g => g.Id == goalId) ?? throw NotFoundException.For("Goal", goalId);
    }
}
