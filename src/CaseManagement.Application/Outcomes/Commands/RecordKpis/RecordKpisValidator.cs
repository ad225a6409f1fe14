using CaseManagement.Domain.Outcomes;

namespace CaseManagement.Application.Outcomes.Commands.RecordKpis;

public sealed class RecordKpisValidator : AbstractValidator<RecordKpis>
{
    public RecordKpisValidator(TimeProvider clock)
    {
        RuleFor(r => r.Stage).NotNull().WithMessage("Choose when the indicators are recorded.").IsInEnum().WithMessage("Choose when the indicators are recorded.");
        RuleFor(r => r.RecordedOn).NotNull().WithMessage("Enter the date.")
            .LessThanOrEqualTo(_ => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).WithMessage("The date must be today or in the past.");
        RuleFor(r => r.AccommodationSuitable).NotNull().WithMessage("Say whether the child's accommodation is suitable.");
        RuleFor(r => r.EducationHoursOffered).NotNull().WithMessage("Enter the hours of education, training or employment offered a week.")
            .InclusiveBetween(0, KpiRecord.MostHoursAWeek).WithMessage("The hours offered must be a whole number from 0 to 40.");
        RuleFor(r => r.EducationHoursAttended).NotNull().WithMessage("Enter the hours attended a week.")
            .LessThanOrEqualTo(r => r.EducationHoursOffered ?? KpiRecord.MostHoursAWeek).WithMessage("The hours attended cannot be more than the hours offered.")
            .GreaterThanOrEqualTo(0).WithMessage("The hours attended cannot be more than the hours offered.");
        RuleFor(r => r.LearningNeeds).IsInEnum().WithMessage("Choose the child's learning needs.");
        RuleFor(r => r.MentalHealth).IsInEnum().WithMessage("Choose the child's mental health need.");
        RuleFor(r => r.SubstanceUse).IsInEnum().WithMessage("Choose the child's substance use need.");
        RuleFor(r => r.ChildrensServices).NotNull().WithMessage("Choose the child's links with children's services.").IsInEnum().WithMessage("Choose the child's links with children's services.");
        RuleFor(r => r.SeriousViolence).NotNull().WithMessage("Say whether the behaviour involved serious violence.");
        RuleFor(r => r.Victims).NotNull().WithMessage("Choose how far the victims took part.").IsInEnum().WithMessage("Choose how far the victims took part.");
    }
}
