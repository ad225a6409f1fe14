using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.UpdateGoal;

public sealed class UpdateGoalValidator : AbstractValidator<UpdateGoal>
{
    public UpdateGoalValidator()
    {
        Include(new GoalFieldsValidator());
        RuleFor(g => g.Progress).InclusiveBetween(0, Goal.MaxProgress).WithMessage("Progress must be a whole number from 0 to 10.");
        RuleFor(g => g.Status).NotNull().WithMessage("Choose the goal's status.").IsInEnum().WithMessage("Choose the goal's status.");
    }
}
