using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;

public sealed class SaveStrengthsAndViewsValidator : AbstractValidator<SaveStrengthsAndViews>
{
    public SaveStrengthsAndViewsValidator()
    {
        RuleFor(s => s.Relationships).MaximumLength(Assessment.TextMaxLength).WithMessage($"Relationships {Text.TooLong}");
        RuleFor(s => s.Interests).MaximumLength(Assessment.TextMaxLength).WithMessage($"Interests {Text.TooLong}");
        RuleFor(s => s.Aspirations).MaximumLength(Assessment.TextMaxLength).WithMessage($"Aspirations {Text.TooLong}");
        RuleFor(s => s.ChildView).MaximumLength(Assessment.TextMaxLength).WithMessage($"The child's view {Text.TooLong}");
        RuleFor(s => s.ParentView).MaximumLength(Assessment.TextMaxLength).WithMessage($"The parent's or carer's view {Text.TooLong}");
    }
}
