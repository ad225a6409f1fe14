using CaseManagement.Domain.Assessments;

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

public sealed class SaveLearningNeedsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveLearningNeeds, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveLearningNeeds r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetLearningNeeds(new LearningNeeds(r.Status, r.HasIndividualDevelopmentPlan, r.SpeechLanguage, r.Neurodiversity, r.NeurodiversityNotes, r.SchoolAttachment, r.AttendancePercent, r.FixedTermExclusions, r.PermanentlyExcluded, r.EducationalPsychologistInvolved, r.Notes), Now), cancellationToken);
}
