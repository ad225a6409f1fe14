using CaseManagement.Web.Forms;
using System.Globalization;
using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.SetGoal;
using CaseManagement.Application.Cases.Commands.UpdateGoal;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Cases;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>Sets a new goal with the child and family, or changes one and records its progress.</summary>
public sealed class GoalModel(IMediator mediator) : AppPageModel(mediator)
{
    public CaseDto Case { get; private set; } = null!;

    public GoalDto? Existing { get; private set; }

    [BindProperty] public string? Description { get; set; }

    [BindProperty] public string? Owner { get; set; }

    [BindProperty] public string? OwnerAgency { get; set; }

    [BindProperty] public DateInput TargetDate { get; set; } = DateInput.Empty;

    [BindProperty] public string? Progress { get; set; }

    [BindProperty] public string? Status { get; set; }

    public async Task OnGetAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        await LoadAsync(id, goalId, cancellationToken);
        if (Existing is { } g)
        {
            (Description, Owner, OwnerAgency, Progress, Status) = (g.Description, g.Owner.ToString(), g.OwnerAgency, g.Progress.ToString(CultureInfo.InvariantCulture), g.Status.ToString());
            if (g.TargetDate is { } target)
            {
                TargetDate = DateInput.From(target);
            }
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        var targetDate = DateOf(nameof(TargetDate), TargetDate, "The target date must be a real date, like 27 3 2027.");
        var owner = FormChoices.Choice<GoalOwner>(Owner);
        bool ok;
        if (goalId is { } existing)
        {
            var progress = int.TryParse(Progress, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
            ok = (await TrySendAsync(new UpdateGoal(existing, Description ?? string.Empty, owner, OwnerAgency, targetDate, progress, FormChoices.Choice<GoalStatus>(Status)), cancellationToken)).Ok;
        }
        else
        {
            ok = (await TrySendAsync(new SetGoal(id, Description ?? string.Empty, owner, OwnerAgency, targetDate), cancellationToken)).Ok;
        }

        if (ok)
        {
            return RedirectToPage("/Cases/Details", new { id, done = goalId is null ? "goal-set" : "goal-updated" });
        }

        await LoadAsync(id, goalId, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, Guid? goalId, CancellationToken cancellationToken)
    {
        Case = await Mediator.Send(new GetCase(id), cancellationToken) is { CanChange: true } found ? found : throw NotFoundException.For("Case", id);
        if (goalId is { } wanted)
        {
            Existing = Case.Goals.FirstOrDefault(g => g.Id == wanted) ?? throw NotFoundException.For("Goal", wanted);
        }
    }
}
