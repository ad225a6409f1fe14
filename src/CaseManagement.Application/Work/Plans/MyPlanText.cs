using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans;

/// <summary>A line of the child's own plan, added or changed by the same rules.</summary>
public interface IMyPlanText
{
    string Text { get; }
}

public sealed class MyPlanTextValidator : AbstractValidator<IMyPlanText>
{
    public MyPlanTextValidator() =>
        RuleFor(r => r.Text).NotEmpty().WithMessage("Write it in the child's own words.")
            .MaximumLength(CasePlan.ShortTextMaxLength).WithMessage("Keep it short: 300 characters or fewer.");
}
