namespace CaseManagement.Application.Records.Rights.Commands.ChangeProcessing;

public sealed class ChangeProcessingValidator : AbstractValidator<ChangeProcessing>
{
    public ChangeProcessingValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason.")
            .MaximumLength(Domain.Records.ProcessingRestriction.ReasonMaxLength).WithMessage("The reason must be 1000 characters or fewer.");
}
