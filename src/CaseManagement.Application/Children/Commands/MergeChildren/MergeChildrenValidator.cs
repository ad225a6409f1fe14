using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Commands.MergeChildren;

public sealed class MergeChildrenValidator : AbstractValidator<MergeChildren>
{
    public MergeChildrenValidator()
    {
        RuleFor(m => m.Reason).NotEmpty().WithMessage("Give the reason these records are the same child.")
            .MaximumLength(2000).WithMessage("The reason must be 2000 characters or fewer.");
        RuleFor(m => m.MergedChildId).NotEqual(m => m.SurvivorChildId).WithMessage("Choose two different records.");
    }
}
