using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Commands.RecordLaterOffending;

public sealed class RecordLaterOffendingValidator : AbstractValidator<RecordLaterOffending>
{
    public RecordLaterOffendingValidator()
    {
        RuleFor(r => r.Outcome).NotNull().WithMessage("Choose what is known of offending since the case closed.").IsInEnum().WithMessage("Choose what is known of offending since the case closed.");
        RuleFor(r => r.RecordedOn).NotEmpty().WithMessage("Enter the date.");
    }
}
