using System.Globalization;
using CaseManagement.Application.Outcomes.Commands.RecordLaterOffence;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>Records a later offence the team learned of; the case's outcome is worked out from all of them.</summary>
public sealed class LaterOffenceModel(IMediator mediator) : OutcomeFormPage(mediator)
{
    [BindProperty] public DateInput OffenceOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? OffenceType { get; set; }

    [BindProperty] public string? GravityScore { get; set; }

    [BindProperty] public string? Source { get; set; }

    [BindProperty] public string? Outcome { get; set; }

    [BindProperty] public DateInput OutcomeOn { get; set; } = DateInput.Empty;

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var offenceOn = DateOf(nameof(OffenceOn), OffenceOn, "The date must be a real date, like 27 3 2027.");
        var outcomeOn = DateOf(nameof(OutcomeOn), OutcomeOn, "The date must be a real date, like 27 3 2027.");
        var request = new RecordLaterOffence(
            id,
            offenceOn,
            OffenceType,
            int.TryParse(GravityScore, NumberStyles.None, CultureInfo.InvariantCulture, out var gravity) ? gravity : null,
            FormChoices.Choice<LaterOffenceSource>(Source),
            FormChoices.Choice<LaterOffenceOutcome>(Outcome),
            outcomeOn);
        return await SaveAsync(id, request, "later-offence", cancellationToken);
    }
}
