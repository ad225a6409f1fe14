using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.AddCasePractitioner;

public sealed class AddCasePractitionerValidator : AbstractValidator<AddCasePractitioner>
{
    public AddCasePractitionerValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Choose the practitioner.");
        RuleFor(c => c.Contribution).NotEmpty().WithMessage("Say what the practitioner brings to the case.")
            .MaximumLength(CaseMember.ContributionMaxLength).WithMessage("What the practitioner brings must be 200 characters or fewer.");
    }
}
