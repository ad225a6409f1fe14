using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.RegisterAsNewChild;

public sealed class RegisterAsNewChildValidator : AbstractValidator<RegisterAsNewChild>
{
    public RegisterAsNewChildValidator() =>
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer.");
}
