using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionStatus;

public sealed class ChangeInterventionStatusValidator : AbstractValidator<ChangeInterventionStatus>
{
    public ChangeInterventionStatusValidator(TimeProvider clock)
    {
        RuleFor(c => c.Status).NotNull().WithMessage("Choose what happened: started, completed or stopped.")
            .Must(s => s is InterventionStatus.Started or InterventionStatus.Completed or InterventionStatus.Stopped).WithMessage("Choose what happened: started, completed or stopped.");
        RuleFor(c => c.On).NotNull().WithMessage("Enter the date.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Status == InterventionStatus.Stopped).WithMessage("Give the reason the intervention stopped.");
        RuleFor(c => c.Reason).MaximumLength(Intervention.ReasonMaxLength).WithMessage("The reason must be 1000 characters or fewer.");
    }
}
