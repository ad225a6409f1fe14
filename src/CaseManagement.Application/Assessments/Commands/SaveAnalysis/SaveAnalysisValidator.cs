using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveAnalysis;

public sealed class SaveAnalysisValidator : AbstractValidator<SaveAnalysis>
{
    public SaveAnalysisValidator()
    {
        RuleFor(s => s.Analysis).MaximumLength(Assessment.TextMaxLength).WithMessage($"The analysis {Text.TooLong}");
        RuleFor(s => s.Recommendations).MaximumLength(Assessment.TextMaxLength).WithMessage($"The recommendations {Text.TooLong}");
    }
}
