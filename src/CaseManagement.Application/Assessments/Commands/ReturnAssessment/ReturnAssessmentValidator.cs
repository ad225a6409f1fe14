using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.ReturnAssessment;

public sealed class ReturnAssessmentValidator : AbstractValidator<ReturnAssessment>
{
    public ReturnAssessmentValidator() =>
        RuleFor(r => r.Comments).NotEmpty().WithMessage("Say what needs to change before you can countersign.")
            .MaximumLength(Assessment.TextMaxLength).WithMessage($"The comments {Text.TooLong}");
}
