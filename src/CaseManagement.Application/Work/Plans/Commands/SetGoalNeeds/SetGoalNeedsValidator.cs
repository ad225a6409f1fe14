using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans.Commands.SetGoalNeeds;

public sealed class SetGoalNeedsValidator : AbstractValidator<SetGoalNeeds>
{
    public SetGoalNeedsValidator() =>
        RuleForEach(r => r.Needs).Must(c => AssessedNeed.TryParse(c, out _)).WithMessage("Choose needs from the child's assessment.").OverridePropertyName("Needs");
}
