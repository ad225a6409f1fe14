using System.Globalization;
using CaseManagement.Application.Outcomes.Commands.RecordKpis;
using CaseManagement.Domain.Outcomes;
using CaseManagement.Web.Forms;

namespace CaseManagement.Web.Pages.Cases.Outcomes;

/// <summary>Records the key performance indicators at one stage, asking only what the record does not already answer.</summary>
public sealed class KpisModel(IMediator mediator) : OutcomeFormPage(mediator)
{
    [BindProperty] public string? Stage { get; set; }

    [BindProperty] public DateInput RecordedOn { get; set; } = DateInput.Empty;

    [BindProperty] public string? AccommodationSuitable { get; set; }

    [BindProperty] public string? EducationHoursOffered { get; set; }

    [BindProperty] public string? EducationHoursAttended { get; set; }

    [BindProperty] public string? LearningNeeds { get; set; }

    [BindProperty] public string? MentalHealth { get; set; }

    [BindProperty] public string? SubstanceUse { get; set; }

    [BindProperty] public string? ChildrensServices { get; set; }

    [BindProperty] public string? SeriousViolence { get; set; }

    [BindProperty] public string? Victims { get; set; }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var on = DateOf(nameof(RecordedOn), RecordedOn, "The date must be a real date, like 27 3 2027.");
        var request = new RecordKpis(
            id,
            FormChoices.Choice<KpiStage>(Stage),
            on,
            YesNo(AccommodationSuitable),
            Hours(EducationHoursOffered),
            Hours(EducationHoursAttended),
            FormChoices.Choice<LearningNeedsStatus>(LearningNeeds),
            FormChoices.Choice<SupportNeedStatus>(MentalHealth),
            FormChoices.Choice<SupportNeedStatus>(SubstanceUse),
            FormChoices.Choice<ChildrensServicesStatus>(ChildrensServices),
            YesNo(SeriousViolence),
            FormChoices.Choice<VictimStatus>(Victims));
        return await SaveAsync(id, request, "kpis", cancellationToken);
    }

    private static bool? YesNo(string? value) => value switch
    {
        "Yes" => true,
        "No" => false,
        _ => null,
    };

    private static int? Hours(string? value) => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) ? hours : null;
}
