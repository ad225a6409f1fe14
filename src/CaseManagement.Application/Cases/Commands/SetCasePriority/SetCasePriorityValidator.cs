using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.SetCasePriority;

public sealed class SetCasePriorityValidator : AbstractValidator<SetCasePriority>
{
    public SetCasePriorityValidator() =>
        RuleFor(c => c.Priority).NotNull().WithMessage("Choose the priority for allocation.").IsInEnum().WithMessage("Choose the priority for allocation.");
}
