using CaseManagement.Application.Matching;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.UndoLink;

public sealed class UndoLinkValidator : AbstractValidator<UndoLink>
{
    public UndoLinkValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("Give the reason the link was wrong.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
}
