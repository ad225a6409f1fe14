using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.OnwardReferrals.Commands.MakeOnwardReferral;

public sealed class MakeOnwardReferralValidator : AbstractValidator<MakeOnwardReferral>
{
    public MakeOnwardReferralValidator(TimeProvider clock)
    {
        RuleFor(r => r.Service).NotNull().WithMessage("Choose the service the child is referred to.").IsInEnum().WithMessage("Choose the service the child is referred to.");
        RuleFor(r => r.ServiceName).NotEmpty().When(r => r.Service == OnwardService.Other).WithMessage("Name the service the child is referred to.");
        RuleFor(r => r.ServiceName).MaximumLength(OnwardReferral.ServiceNameMaxLength).WithMessage("The service's name must be 200 characters or fewer.");
        RuleFor(r => r.ReferredOn).NotNull().WithMessage("Enter the date referred.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date referred must be today or in the past.");
        RuleFor(r => r.Reason).MaximumLength(OnwardReferral.TextMaxLength).WithMessage("The reason must be 1000 characters or fewer.");
    }
}
