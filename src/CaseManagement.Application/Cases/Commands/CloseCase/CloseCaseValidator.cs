using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.CloseCase;

public sealed class CloseCaseValidator : AbstractValidator<CloseCase>
{
    public CloseCaseValidator(TimeProvider clock)
    {
        RuleFor(c => c.Reason).NotNull().WithMessage("Choose why the case is closing.").IsInEnum().WithMessage("Choose why the case is closing.");
        RuleFor(c => c.ClosedOn).NotEmpty().WithMessage("Enter the date the case closed.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The closing date must be today or in the past.");
        RuleFor(c => c.ExitServices).NotNull().WithMessage("Choose the services the child returns to.");
        RuleForEach(c => c.ExitServices).IsInEnum().WithMessage("Choose the services the child returns to.");
        RuleFor(c => c.ExitServices).Must(s => s is not { Count: > 1 } || !s.Contains(UniversalService.None))
            .WithMessage("Choose \"none\" on its own, or the services the child returns to.");
        RuleFor(c => c.ExitServices).Must(s => s is { Count: > 0 } && !s.SequenceEqual([UniversalService.None]))
            .When(c => c.Reason == ClosureReason.InterventionCompleted)
            .WithMessage("When the work is complete, choose the services the child returns to.");
        RuleFor(c => c.ExitPlan).NotEmpty().When(c => c.Reason == ClosureReason.InterventionCompleted)
            .WithMessage("Describe the exit plan: who the child and family will see, and how.");
        RuleFor(c => c.ExitPlan).MaximumLength(ChildCase.TextMaxLength).WithMessage("The exit plan must be 4000 characters or fewer.");
    }
}
