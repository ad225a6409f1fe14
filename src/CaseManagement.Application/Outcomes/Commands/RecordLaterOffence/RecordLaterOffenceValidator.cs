using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordLaterOffence;

public sealed class RecordLaterOffenceValidator : AbstractValidator<RecordLaterOffence>
{
    public RecordLaterOffenceValidator(TimeProvider clock)
    {
        RuleFor(r => r.OffenceOn).NotNull().WithMessage("Enter the date of the offence.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleFor(r => r.OffenceType).NotEmpty().WithMessage("Enter the type of offence.")
            .MaximumLength(LaterOffence.TypeMaxLength).WithMessage("The type of offence must be 200 characters or fewer.");
        RuleFor(r => r.GravityScore).NotNull().WithMessage("The gravity score must be from 1 to 4.")
            .InclusiveBetween(Disposal.LeastGravity, Disposal.MostGravity).WithMessage("The gravity score must be from 1 to 4.");
        RuleFor(r => r.Source).NotNull().WithMessage("Choose where the team learned of the offence.").IsInEnum().WithMessage("Choose where the team learned of the offence.");
        RuleFor(r => r.Outcome).IsInEnum().WithMessage("Choose what the justice system did.");
        RuleFor(r => r.OutcomeOn).NotNull()
            .When(r => r.Outcome is LaterOffenceOutcome.YouthCaution or LaterOffenceOutcome.YouthConditionalCaution or LaterOffenceOutcome.Conviction)
            .WithMessage("Enter the date of the caution or conviction.");
    }
}
