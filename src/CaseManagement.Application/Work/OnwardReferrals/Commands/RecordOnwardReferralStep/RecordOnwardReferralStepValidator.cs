using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Commands.RecordOnwardReferralStep;

public sealed class RecordOnwardReferralStepValidator : AbstractValidator<RecordOnwardReferralStep>
{
    public RecordOnwardReferralStepValidator(TimeProvider clock)
    {
        RuleFor(s => s.Step).NotNull().WithMessage("Choose what happened.").IsInEnum().WithMessage("Choose what happened.");
        RuleFor(s => s.On).NotNull().WithMessage("Enter the date.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleFor(s => s.Reason).NotEmpty().When(s => s.Step == OnwardReferralStep.Declined).WithMessage("Give the reason the service declined the referral.");
        RuleFor(s => s.Reason).MaximumLength(OnwardReferral.TextMaxLength).WithMessage("The reason must be 1000 characters or fewer.");
    }
}
