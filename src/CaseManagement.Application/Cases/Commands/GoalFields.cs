using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands;

/// <summary>The fields a goal is set and changed with, checked by the same rules both ways.</summary>
public interface IGoalFields
{
    string Description { get; }

    GoalOwner? Owner { get; }

    string? OwnerAgency { get; }
}

public sealed class GoalFieldsValidator : AbstractValidator<IGoalFields>
{
    public GoalFieldsValidator()
    {
        RuleFor(g => g.Description).NotEmpty().WithMessage("Describe the goal, in words the child and family would use.")
            .MaximumLength(Goal.DescriptionMaxLength).WithMessage("The goal must be 1000 characters or fewer.");
        RuleFor(g => g.Owner).NotNull().WithMessage("Choose who owns the goal.").IsInEnum().WithMessage("Choose who owns the goal.");
        RuleFor(g => g.OwnerAgency).NotEmpty().When(g => g.Owner == GoalOwner.Agency).WithMessage("Name the agency that owns the goal.");
        RuleFor(g => g.OwnerAgency).MaximumLength(Goal.AgencyMaxLength).WithMessage("The agency's name must be 200 characters or fewer.");
    }
}
