using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;

public sealed class SetGoalNeedsValidator : AbstractValidator<SetGoalNeeds>
{
    public SetGoalNeedsValidator() =>
        RuleFor(r => r.Needs).Must(CaseNeeds.AreNeedCodes).WithMessage("Choose needs from the child's assessment.");
}
