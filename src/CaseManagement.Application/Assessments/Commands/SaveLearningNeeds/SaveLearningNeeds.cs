using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments.Commands.SaveLearningNeeds;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveLearningNeeds(
    Guid AssessmentId,
    AlnStatus? Status,
    bool HasIndividualDevelopmentPlan,
    SpeechLanguageNeeds? SpeechLanguage,
    Neurodiversity? Neurodiversity,
    string? NeurodiversityNotes,
    SchoolAttachment? SchoolAttachment,
    int? AttendancePercent,
    int FixedTermExclusions,
    bool PermanentlyExcluded,
    bool EducationalPsychologistInvolved,
    string? Notes) : ICommand<Unit>;

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

public sealed class SaveLearningNeedsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveLearningNeeds, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveLearningNeeds r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetLearningNeeds(new LearningNeeds(r.Status, r.HasIndividualDevelopmentPlan, r.SpeechLanguage, r.Neurodiversity, r.NeurodiversityNotes, r.SchoolAttachment, r.AttendancePercent, r.FixedTermExclusions, r.PermanentlyExcluded, r.EducationalPsychologistInvolved, r.Notes), Now), cancellationToken);
}
