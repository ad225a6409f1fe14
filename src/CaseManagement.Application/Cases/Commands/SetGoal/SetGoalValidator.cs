using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.SetGoal;

public sealed class SetGoalValidator : AbstractValidator<SetGoal>
{
    public SetGoalValidator() => Include(new GoalFieldsValidator());
}
