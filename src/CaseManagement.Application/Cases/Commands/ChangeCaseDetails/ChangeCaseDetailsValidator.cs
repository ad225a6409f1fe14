using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.ChangeCaseDetails;

public sealed class ChangeCaseDetailsValidator : AbstractValidator<ChangeCaseDetails>
{
    public ChangeCaseDetailsValidator() =>
        RuleFor(c => c.InterventionType).NotNull().WithMessage("Choose the type of intervention.").IsInEnum().WithMessage("Choose the type of intervention.");
}
