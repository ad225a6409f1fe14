using CaseManagement.Application.Referrals.Commands.SubmitReferral;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Referrals.Commands.SubmitSelfReferral;

public sealed class SubmitSelfReferralValidator : AbstractValidator<SubmitSelfReferral>
{
    public SubmitSelfReferralValidator(IApplicationDbContext db, TimeProvider clock)
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("The form has expired. Please fill it in again.").MaximumLength(64).WithMessage("The form has expired. Please fill it in again.");
        RuleFor(r => r.Relationship).NotNull().WithMessage("Select who you are.").IsInEnum().WithMessage("Select who you are.");
        RuleFor(r => r.YourName).NotEmpty().WithMessage("Enter your name.").MaximumLength(200).WithMessage("Your name must be 200 characters or fewer.");
        RuleFor(r => r.Phone)
            .NotEmpty().When(r => string.IsNullOrWhiteSpace(r.Email)).WithMessage("Enter a telephone number or an email address, so the team can contact you.");
        RuleFor(r => r.Phone).Matches(SubmitReferralValidator.PhonePattern).When(r => !string.IsNullOrWhiteSpace(r.Phone)).WithMessage("Enter a telephone number, like 01443 123456.");
        RuleFor(r => r.Email).MaximumLength(254).WithMessage("The email address must be 254 characters or fewer.")
            .EmailAddress().When(r => !string.IsNullOrWhiteSpace(r.Email)).WithMessage("Enter an email address in the correct format, like name@example.com.");
        RuleFor(r => r.ChildGivenName).NotEmpty().WithMessage("Enter the child's first name.").MaximumLength(100).WithMessage("The child's first name must be 100 characters or fewer.");
        RuleFor(r => r.ChildFamilyName).NotEmpty().WithMessage("Enter the child's last name.").MaximumLength(100).WithMessage("The child's last name must be 100 characters or fewer.");
        RuleFor(r => r.ChildDateOfBirth).Must(d => d != default).WithMessage("Enter the child's date of birth.");
        RuleFor(r => r.ChildDateOfBirth)
            .Must(d => SubmitReferralValidator.IsWithinServiceAge(d, clock))
            .When(r => r.ChildDateOfBirth != default)
            .WithMessage($"The child must be aged between {PersonDetails.YoungestAge} and {PersonDetails.OldestAge}.");
        RuleFor(r => r.ChildPostcode)
            .Must(SubmitReferralValidator.IsPostcodeOrEmpty)
            .WithMessage("Enter a real postcode, like CF37 1DL.");
        RuleFor(r => r.ChildPreferredLanguage).IsInEnum().WithMessage("Select the child's preferred language.");
        RuleFor(r => r.Concerns).NotEmpty().WithMessage("Tell us what is happening and how we can help.").MaximumLength(8000).WithMessage("What you tell us must be 8000 characters or fewer.");
        RuleFor(r => r.Agreed).Equal(true).WithMessage("Confirm that the child and family agree to the team contacting you.");
        RuleFor(r => r.TeamId)
            .MustAsync(async (id, ct) => await db.Teams.AnyAsync(t => t.Id == id, ct))
            .When(r => r.TeamId is not null)
            .WithMessage("Select the area the child lives in.");
        RuleFor(r => r.TeamId)
            .MustAsync(async (_, ct) => await db.Teams.CountAsync(ct) == 1)
            .When(r => r.TeamId is null)
            .WithMessage("Select the area the child lives in.");
    }
}
