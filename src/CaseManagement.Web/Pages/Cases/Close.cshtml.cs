using CaseManagement.Application.Cases.Commands;
using CaseManagement.Application.Cases.Commands.CloseCase;
using CaseManagement.Application.Cases.Queries;
using CaseManagement.Application.Cases.Queries.GetCase;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Domain.Cases;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases;

/// <summary>Closes the case: the reason, the date, and the exit plan naming the universal services the child returns to.</summary>
public sealed class CloseModel(IMediator mediator) : AppPageModel(mediator)
{
    public CaseDto Case { get; private set; } = null!;

    [BindProperty] public string? Reason { get; set; }

    [BindProperty] public DateInput ClosedOn { get; set; } = DateInput.Empty;

    [BindProperty] public List<string> ExitServices { get; set; } = [];

    [BindProperty] public string? ExitPlan { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var closedOn = DateOf(nameof(ClosedOn), ClosedOn, "The closing date must be a real date, like 27 3 2026.");
        var services = ExitServices.Select(s => FormChoices.Choice<UniversalService>(s)).Where(s => s is not null).Select(s => s!.Value).ToList();
        var command = new CloseCase(id, FormChoices.Choice<ClosureReason>(Reason), closedOn ?? default, services, ExitPlan);
        if ((await TrySendAsync(command, cancellationToken)).Ok)
        {
            return RedirectToPage("/Cases/Details", new { id, done = "closed" });
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken) =>
        Case = await Mediator.Send(new GetCase(id), cancellationToken) is { CanChange: true } found ? found : throw NotFoundException.For("Case", id);
}
