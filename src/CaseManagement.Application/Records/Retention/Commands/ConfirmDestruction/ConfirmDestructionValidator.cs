namespace CaseManagement.Application.Records.Retention.Commands.ConfirmDestruction;

public sealed class ConfirmDestructionValidator : AbstractValidator<ConfirmDestruction>
{
    public ConfirmDestructionValidator() => RuleFor(r => r.ReviewId).NotEmpty().WithMessage("Choose a record from the list.");
}
