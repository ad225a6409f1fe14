using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveJudgements;

public sealed class SaveJudgementsValidator : AbstractValidator<SaveJudgements>
{
    public SaveJudgementsValidator()
    {
        RuleFor(j => j.Reoffending).IsInEnum().WithMessage("Choose the likelihood of offending.");
        RuleFor(j => j.SeriousHarm).IsInEnum().WithMessage("Choose the risk of serious harm to others.");
        RuleFor(j => j.Wellbeing).IsInEnum().WithMessage("Choose the concern for the child's safety and wellbeing.");
        RuleFor(j => j.ReoffendingRationale).NotEmpty().When(j => j.Reoffending is not null).WithMessage("Give the rationale for the likelihood of offending.");
        RuleFor(j => j.SeriousHarmRationale).NotEmpty().When(j => j.SeriousHarm is not null).WithMessage("Give the rationale for the risk of serious harm.");
        RuleFor(j => j.WellbeingRationale).NotEmpty().When(j => j.Wellbeing is not null).WithMessage("Give the rationale for the concern for the child's safety and wellbeing.");
        foreach (var (field, name) in new (System.Linq.Expressions.Expression<Func<SaveJudgements, string?>>, string)[]
        {
            (j => j.ReoffendingRationale, "The rationale"), (j => j.ReoffendingEvidence, "The evidence"), (j => j.SeriousHarmRationale, "The rationale"),
            (j => j.SeriousHarmEvidence, "The evidence"), (j => j.WellbeingRationale, "The rationale"), (j => j.WellbeingEvidence, "The evidence"),
        })
        {
            RuleFor(field).MaximumLength(Assessment.TextMaxLength).WithMessage($"{name} {Text.TooLong}");
        }
    }
}
