using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordDisposal;

public sealed class RecordDisposalValidator : AbstractValidator<RecordDisposal>
{
    public RecordDisposalValidator(TimeProvider clock)
    {
        RuleFor(r => r.Incident).NotEmpty().WithMessage("Describe the incident or behaviour.")
            .MaximumLength(Disposal.TextMaxLength).WithMessage("The description must be 1000 characters or fewer.");
        RuleFor(r => r.IncidentOn).NotNull().WithMessage("Enter the date of the incident.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleFor(r => r.GravityScore).NotNull().WithMessage("The gravity score must be from 1 to 4.")
            .InclusiveBetween(Disposal.LeastGravity, Disposal.MostGravity).WithMessage("The gravity score must be from 1 to 4.");
        RuleFor(r => r.Outcome).IsInEnum().WithMessage("Choose the out-of-court outcome.");
        RuleFor(r => r.OutcomeOn).NotNull().When(r => r.Outcome is not null).WithMessage("Enter the date of the out-of-court outcome.");
        RuleFor(r => r.Completed).Null().When(r => r.Outcome is null).WithMessage("Only an out-of-court outcome can be completed.");
        RuleFor(r => r.TurnaroundTrigger).MaximumLength(200).WithMessage("The trigger event must be 200 characters or fewer.");
        RuleFor(r => r.TurnaroundTriggerOn).NotNull().When(r => !string.IsNullOrWhiteSpace(r.TurnaroundTrigger)).WithMessage("Enter the date of the trigger event, today or in the past.");
    }
}
