using CaseManagement.Application.Outcomes.Commands.RecordCharacteristics;
using CaseManagement.Application.Outcomes.Queries.GetCharacteristics;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>The child's protected characteristics (special-category data): shown and changed by the team only, each view audited.</summary>
public sealed class CharacteristicsModel(IMediator mediator) : OutcomeFormPage(mediator)
{
    [BindProperty] public string? Ethnicity { get; set; }

    [BindProperty] public string? Disability { get; set; }

    [BindProperty] public string? GenderSameAsSex { get; set; }

    [BindProperty] public string? CareExperienced { get; set; }

    protected override async Task<IActionResult> OnLoadedAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Mediator.Send(new GetCharacteristics(id), cancellationToken) is not { } found)
        {
            return NotFound();
        }

        (Ethnicity, Disability, GenderSameAsSex, CareExperienced) = (found.Ethnicity?.ToString(), found.Disability?.ToString(), found.GenderSameAsSex?.ToString(), found.CareExperienced?.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = new RecordCharacteristics(
            id,
            FormChoices.Choice<Ethnicity>(Ethnicity),
            FormChoices.Choice<CharacteristicAnswer>(Disability),
            FormChoices.Choice<CharacteristicAnswer>(GenderSameAsSex),
            FormChoices.Choice<CharacteristicAnswer>(CareExperienced));
        return await SaveAsync(id, request, "characteristics", cancellationToken);
    }
}
