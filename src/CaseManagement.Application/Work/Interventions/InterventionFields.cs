namespace CaseManagement.Application.Work.Interventions;

/// <summary>The provider and planned dates of an intervention, checked by the same rules wherever they are sent.</summary>
public interface IInterventionFields
{
    Guid? ProviderAgencyId { get; }

    string? ProviderName { get; }

    DateOnly? PlannedStart { get; }

    DateOnly? PlannedEnd { get; }
}

public sealed class InterventionFieldsValidator : AbstractValidator<IInterventionFields>
{
    public InterventionFieldsValidator()
    {
        RuleFor(i => i.ProviderAgencyId).Must((i, agency) => agency is null != string.IsNullOrWhiteSpace(i.ProviderName))
            .WithMessage("Choose the agency that provides the intervention, or name the organisation.");
        RuleFor(i => i.ProviderName).MaximumLength(Domain.Work.Intervention.ProviderNameMaxLength).WithMessage("The organisation's name must be 200 characters or fewer.");
        RuleFor(i => i.PlannedEnd).GreaterThanOrEqualTo(i => i.PlannedStart).When(i => i.PlannedStart is not null && i.PlannedEnd is not null)
            .WithMessage("The planned end cannot be before the planned start.");
    }
}
