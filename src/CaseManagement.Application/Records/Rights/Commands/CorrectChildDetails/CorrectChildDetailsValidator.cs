using CaseManagement.Application.Referrals;

namespace CaseManagement.Application.Records.Rights.Commands.CorrectChildDetails;

public sealed class CorrectChildDetailsValidator : AbstractValidator<CorrectChildDetails>
{
    public CorrectChildDetailsValidator()
    {
        RuleFor(r => r.GivenName).NotEmpty().WithMessage("Enter the child's given name.").MaximumLength(100).WithMessage("The name must be 100 characters or fewer.");
        RuleFor(r => r.FamilyName).NotEmpty().WithMessage("Enter the child's family name.").MaximumLength(100).WithMessage("The name must be 100 characters or fewer.");
        RuleFor(r => r.PreferredName).MaximumLength(100).WithMessage("The name must be 100 characters or fewer.");
        RuleFor(r => r.DateOfBirth).NotNull().WithMessage("Enter the child's date of birth.");
        RuleFor(r => r.Postcode).Must(Referrals.Commands.SubmitReferral.SubmitReferralValidator.IsPostcodeOrEmpty).WithMessage("Enter a real postcode, like CF37 1DL.");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason for the correction.").MaximumLength(1000).WithMessage("The reason must be 1000 characters or fewer.");
        RuleFor(r => r.Evidence).SetValidator(new EvidenceValidator()!);
    }

    /// <summary>The evidence's rules are a referral's (<see cref="ReferralEvidence.AddRules{T}"/>): named <c>Evidence.Email</c> and so on.</summary>
    private sealed class EvidenceValidator : AbstractValidator<ChildEvidenceCorrection>
    {
        public EvidenceValidator() => ReferralEvidence.AddRules(
            this, e => e.HouseNumberOrName, e => e.Street, e => e.Town, e => e.School, e => e.ParentOrCarerNames,
            (e => e.Email, e => e.EmailOwner), (e => e.Phone, e => e.PhoneOwner), e => e.OtherIdentifier, e => e.OtherIdentifierIssuer);
    }
}
