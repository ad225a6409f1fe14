using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveLearningNeeds;

public sealed class SaveLearningNeedsValidator : AbstractValidator<SaveLearningNeeds>
{
    public SaveLearningNeedsValidator()
    {
        RuleFor(l => l.Status).IsInEnum().WithMessage("Choose the child's additional learning needs status.");
        RuleFor(l => l.SpeechLanguage).IsInEnum().WithMessage("Choose whether the child has speech, language and communication needs.");
        RuleFor(l => l.Neurodiversity).IsInEnum().WithMessage("Choose none, suspected or diagnosed.");
        RuleFor(l => l.SchoolAttachment).IsInEnum().WithMessage("Choose how attached the child is to school.");
        RuleFor(l => l.AttendancePercent).InclusiveBetween(0, 100).WithMessage("Attendance must be a whole number from 0 to 100.");
        RuleFor(l => l.FixedTermExclusions).InclusiveBetween(0, 100).WithMessage("Exclusions must be a whole number from 0 to 100.");
        RuleFor(l => l.HasIndividualDevelopmentPlan).Equal(false).When(l => l.Status != AlnStatus.AdditionalLearningNeeds)
            .WithMessage("An Individual Development Plan is for a child with additional learning needs.");
        RuleFor(l => l.NeurodiversityNotes).MaximumLength(Assessment.TextMaxLength).WithMessage($"The notes {Text.TooLong}");
        RuleFor(l => l.Notes).MaximumLength(Assessment.TextMaxLength).WithMessage($"The notes {Text.TooLong}");
    }
}
