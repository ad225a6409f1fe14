using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.MoveCaseload;

public sealed class MoveCaseloadValidator : AbstractValidator<MoveCaseload>
{
    public MoveCaseloadValidator()
    {
        RuleFor(m => m.FromUserId).NotEmpty().WithMessage("Choose whose cases to move.");
        RuleFor(m => m.ToUserId).NotEmpty().WithMessage("Choose the case manager to move the cases to.");
        RuleFor(m => m.ToUserId).NotEqual(m => m.FromUserId).When(m => m.ToUserId != Guid.Empty).WithMessage("Choose someone else to move the cases to.");
    }
}
