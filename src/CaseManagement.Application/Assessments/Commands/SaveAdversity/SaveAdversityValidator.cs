using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveAdversity;

public sealed class SaveAdversityValidator : AbstractValidator<SaveAdversity>
{
    public SaveAdversityValidator()
    {
        RuleFor(a => a.Answers).NotNull();
        RuleForEach(a => a.Answers).ChildRules(answer =>
        {
            answer.RuleFor(x => x.Adversity).IsInEnum().WithMessage("Choose the experience the answer is about.");
            answer.RuleFor(x => x.Answer).IsInEnum().WithMessage("Choose yes, no, not known or not asked.");
            answer.RuleFor(x => x.NotAskedReason).NotEmpty().When(x => x.Answer == AdversityAnswer.NotAsked).WithMessage("Say why the question was not asked.");
            answer.RuleFor(x => x.NotAskedReason).MaximumLength(1000).WithMessage("Why it was not asked must be 1000 characters or fewer.");
            answer.RuleFor(x => x.Source).MaximumLength(200).WithMessage("The source must be 200 characters or fewer.");
            answer.RuleFor(x => x.Notes).MaximumLength(Assessment.TextMaxLength).WithMessage($"The notes {Text.TooLong}");
        });
    }
}
