using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Commands.SetRetentionRule;

public sealed class SetRetentionRuleValidator : AbstractValidator<SetRetentionRule>
{
    public SetRetentionRuleValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("Say which kind of record the rule is for.");
        RuleFor(r => r.YearsAfter).NotNull().WithMessage("Enter a number of years from 0 to 100.")
            .InclusiveBetween(0, RetentionRule.MaxYears).WithMessage("Enter a number of years from 0 to 100.");
        RuleFor(r => r.UntilAge).InclusiveBetween(0, RetentionRule.MaxYears).WithMessage("Enter an age from 0 to 100, or leave it empty.");
    }
}
