using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.RejectMatch;

public sealed class RejectMatchValidator : AbstractValidator<RejectMatch>
{
    public RejectMatchValidator() =>
        RuleFor(r => r.Note).MaximumLength(2000).WithMessage("The note must be 2000 characters or fewer.");
}
