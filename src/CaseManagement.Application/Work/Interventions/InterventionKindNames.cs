namespace CaseManagement.Application.Work.Interventions;

/// <summary>A kind's two names, checked alike when it is added and when it is renamed.</summary>
public interface IInterventionKindNames
{
    string? NameEnglish { get; }

    string? NameWelsh { get; }
}

public sealed class InterventionKindNamesValidator : AbstractValidator<IInterventionKindNames>
{
    public InterventionKindNamesValidator()
    {
        RuleFor(k => k.NameEnglish).NotEmpty().WithMessage("Enter the name in English.")
            .MaximumLength(Domain.Work.InterventionKind.NameMaxLength).WithMessage("The name must be 100 characters or fewer.");
        RuleFor(k => k.NameWelsh).NotEmpty().WithMessage("Enter the name in Welsh.")
            .MaximumLength(Domain.Work.InterventionKind.NameMaxLength).WithMessage("The name must be 100 characters or fewer.");
    }
}
