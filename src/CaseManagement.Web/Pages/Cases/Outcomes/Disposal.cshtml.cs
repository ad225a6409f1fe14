using System.Globalization;
using CaseManagement.Application.Outcomes.Commands.RecordDisposal;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>Records the incident that led to the referral, its gravity score and any out-of-court outcome.</summary>
public sealed class DisposalModel(IMediator mediator) : OutcomeFormPage(mediator)
{
    [BindProperty] public string? Incident { get; set; }

    [BindProperty] public DateInput IncidentOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? GravityScore { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    [BindProperty] public DateInput OutcomeOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? Completed { get; set; }

    [BindProperty] public string? TurnaroundTrigger { get; set; }

    [BindProperty] public DateInput TurnaroundTriggerOn { get; set; } = DateInput.Empty;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var incidentOn = DateOf(nameof(IncidentOn), IncidentOn, "The date must be a real date, like 27 3 2027.");
        var outcomeOn = DateOf(nameof(OutcomeOn), OutcomeOn, "The date must be a real date, like 27 3 2027.");
        var triggerOn = DateOf(nameof(TurnaroundTriggerOn), TurnaroundTriggerOn, "The date must be a real date, like 27 3 2027.");
        var request = new RecordDisposal(
            id,
            Incident,
            incidentOn,
            int.TryParse(GravityScore, NumberStyles.None, CultureInfo.InvariantCulture, out var gravity) ? gravity : null,
            FormChoices.Choice<OutOfCourtOutcome>(Outcome),
            outcomeOn,
            Completed switch { "Yes" => true, "No" => false, _ => null },
            TurnaroundTrigger,
            triggerOn);
        return await SaveAsync(id, request, "disposal", cancellationToken);
    }
}
