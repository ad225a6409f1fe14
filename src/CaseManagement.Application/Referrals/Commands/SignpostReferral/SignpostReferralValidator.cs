using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.SignpostReferral;

public sealed class SignpostReferralValidator : AbstractValidator<SignpostReferral>
{
    public SignpostReferralValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Say where the child and family have been signposted to, and why.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
}
