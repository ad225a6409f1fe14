namespace CaseManagement.Application.Outcomes.Commands.RecordCharacteristics;

public sealed class RecordCharacteristicsValidator : AbstractValidator<RecordCharacteristics>
{
    public RecordCharacteristicsValidator()
    {
        RuleFor(r => r.Ethnicity).NotNull().WithMessage("Choose the child's ethnic group, or \"prefers not to say\".").IsInEnum().WithMessage("Choose the child's ethnic group, or \"prefers not to say\".");
        RuleFor(r => r.Disability).NotNull().WithMessage("Say whether the child is disabled, or \"prefers not to say\".").IsInEnum().WithMessage("Say whether the child is disabled, or \"prefers not to say\".");
        RuleFor(r => r.GenderSameAsSex).NotNull().WithMessage("Say whether the child's gender is the same as their sex, or \"prefers not to say\".").IsInEnum().WithMessage("Say whether the child's gender is the same as their sex, or \"prefers not to say\".");
        RuleFor(r => r.CareExperienced).NotNull().WithMessage("Say whether the child is care experienced, or \"prefers not to say\".").IsInEnum().WithMessage("Say whether the child is care experienced, or \"prefers not to say\".");
    }
}
