using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.DeclineReferral;

public sealed class DeclineReferralValidator : AbstractValidator<DeclineReferral>
{
    public DeclineReferralValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason the referral is declined.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
}
