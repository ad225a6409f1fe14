using CaseManagement.Application.Cases;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Cases;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Assessments;

/// <summary>Starts the case's first assessment, or a reassessment prefilled from the last countersigned one; answers its id.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record StartAssessment(Guid CaseId) : ICommand<Guid>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveJudgements(
    Guid AssessmentId,
    LikelihoodRating? Reoffending,
    string? ReoffendingRationale,
    string? ReoffendingEvidence,
    ConcernRating? SeriousHarm,
    string? SeriousHarmRationale,
    string? SeriousHarmEvidence,
    ConcernRating? Wellbeing,
    string? WellbeingRationale,
    string? WellbeingEvidence) : ICommand<Unit>;

/// <summary>Saves the areas of one CAF domain: strengths, needs and a concern marker for each.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAreas(Guid AssessmentId, CafDomain Domain, IReadOnlyList<AreaAnswer> Areas) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAdversity(Guid AssessmentId, IReadOnlyList<AdversityAnswerInput> Answers) : ICommand<Unit>;

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

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveStrengthsAndViews(Guid AssessmentId, string? Relationships, string? Interests, string? Aspirations, string? ChildView, string? ParentView) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAnalysis(Guid AssessmentId, string? Analysis, string? Recommendations) : ICommand<Unit>;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SubmitAssessment(Guid AssessmentId) : ICommand<Unit>;

/// <summary>A team manager returns the assessment with comments for the case manager.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ReturnAssessment(Guid AssessmentId, string Comments) : ICommand<Unit>;

/// <summary>
/// A team manager countersigns the assessment. Where the plan has no goals yet, each recommendation becomes a draft
/// goal, for the case manager to agree with the child and family.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record CountersignAssessment(Guid AssessmentId) : ICommand<Unit>;

internal static class Text
{
    public const string TooLong = "must be 4000 characters or fewer.";
}

public sealed class SaveJudgementsValidator : AbstractValidator<SaveJudgements>
{
    public SaveJudgementsValidator()
    {
        RuleFor(j => j.Reoffending).IsInEnum().WithMessage("Choose the likelihood of reoffending.");
        RuleFor(j => j.SeriousHarm).IsInEnum().WithMessage("Choose the risk of serious harm to others.");
        RuleFor(j => j.Wellbeing).IsInEnum().WithMessage("Choose the concern for the child's safety and wellbeing.");
        RuleFor(j => j.ReoffendingRationale).NotEmpty().When(j => j.Reoffending is not null).WithMessage("Give the rationale for the likelihood of reoffending.");
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

public sealed class SaveAreasValidator : AbstractValidator<SaveAreas>
{
    public SaveAreasValidator()
    {
        RuleFor(a => a.Domain).IsInEnum().WithMessage("Choose the part of the assessment.");
        RuleFor(a => a.Areas).NotNull();
        RuleForEach(a => a.Areas).ChildRules(area =>
        {
            area.RuleFor(x => x.Area).IsInEnum().WithMessage("An area answered is not in this part of the assessment.");
            area.RuleFor(x => x.Marker).IsInEnum().WithMessage("Choose no concern, some concern or significant concern.");
            area.RuleFor(x => x.Strengths).MaximumLength(Assessment.TextMaxLength).WithMessage($"The strengths {Text.TooLong}");
            area.RuleFor(x => x.Needs).MaximumLength(Assessment.TextMaxLength).WithMessage($"The needs {Text.TooLong}");
        });
        RuleFor(a => a.Areas).Must((command, areas) => areas is null || areas.All(x => !Enum.IsDefined(x.Area) || CafAreas.DomainOf(x.Area) == command.Domain))
            .WithMessage("An area answered is not in this part of the assessment.");
    }
}

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

public sealed class SaveAnalysisValidator : AbstractValidator<SaveAnalysis>
{
    public SaveAnalysisValidator()
    {
        RuleFor(s => s.Analysis).MaximumLength(Assessment.TextMaxLength).WithMessage($"The analysis {Text.TooLong}");
        RuleFor(s => s.Recommendations).MaximumLength(Assessment.TextMaxLength).WithMessage($"The recommendations {Text.TooLong}");
    }
}

public sealed class ReturnAssessmentValidator : AbstractValidator<ReturnAssessment>
{
    public ReturnAssessmentValidator() =>
        RuleFor(r => r.Comments).NotEmpty().WithMessage("Say what needs to change before you can countersign.")
            .MaximumLength(Assessment.TextMaxLength).WithMessage($"The comments {Text.TooLong}");
}

public sealed class AssessmentCommandHandlers(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<StartAssessment, Guid>, IRequestHandler<SaveJudgements, Unit>, IRequestHandler<SaveAreas, Unit>, IRequestHandler<SaveAdversity, Unit>,
      IRequestHandler<SaveLearningNeeds, Unit>, IRequestHandler<SaveStrengthsAndViews, Unit>, IRequestHandler<SaveAnalysis, Unit>,
      IRequestHandler<SubmitAssessment, Unit>, IRequestHandler<ReturnAssessment, Unit>, IRequestHandler<CountersignAssessment, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Guid> Handle(StartAssessment request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var latest = await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .Where(a => a.CaseId == @case.Id).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);

        // A case moved on from an earlier case of the child's starts from what the team last knew of the child.
        latest ??= await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .Where(a => a.ChildId == @case.ChildId && a.TeamId == @case.TeamId && a.Status == AssessmentStatus.Countersigned)
            .OrderByDescending(a => a.CountersignedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var started = Assessment.Start(@case, latest, Now, user.UserId);
        db.Assessments.Add(started);
        await db.SaveChangesAsync(cancellationToken);
        return started.Id;
    }

    public async Task<Unit> Handle(SaveJudgements r, CancellationToken cancellationToken)
    {
        var assessment = await ForChangeAsync(r.AssessmentId, cancellationToken);
        var @case = await db.Cases.SingleAsync(c => c.Id == assessment.CaseId, cancellationToken);
        assessment.SetJudgements(@case, new Judgements(r.Reoffending, r.ReoffendingRationale, r.ReoffendingEvidence, r.SeriousHarm, r.SeriousHarmRationale, r.SeriousHarmEvidence, r.Wellbeing, r.WellbeingRationale, r.WellbeingEvidence), Now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    public Task<Unit> Handle(SaveAreas r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.SetAreas(r.Domain, r.Areas, Now), cancellationToken);

    public Task<Unit> Handle(SaveAdversity r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.SetAdversity(r.Answers, Now), cancellationToken);

    public Task<Unit> Handle(SaveLearningNeeds r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.SetLearningNeeds(new LearningNeeds(r.Status, r.HasIndividualDevelopmentPlan, r.SpeechLanguage, r.Neurodiversity, r.NeurodiversityNotes, r.SchoolAttachment, r.AttendancePercent, r.FixedTermExclusions, r.PermanentlyExcluded, r.EducationalPsychologistInvolved, r.Notes), Now), cancellationToken);

    public Task<Unit> Handle(SaveStrengthsAndViews r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.SetStrengthsAndViews(new StrengthsAndViews(r.Relationships, r.Interests, r.Aspirations, r.ChildView, r.ParentView), Now), cancellationToken);

    public Task<Unit> Handle(SaveAnalysis r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.SetAnalysis(r.Analysis, r.Recommendations, Now), cancellationToken);

    public Task<Unit> Handle(SubmitAssessment r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.Submit(Now, user.UserId), cancellationToken);

    public Task<Unit> Handle(ReturnAssessment r, CancellationToken cancellationToken) =>
        ChangeAsync(r.AssessmentId, a => a.Return(r.Comments, Now, user.UserId), cancellationToken);

    public async Task<Unit> Handle(CountersignAssessment request, CancellationToken cancellationToken)
    {
        var assessment = await ForChangeAsync(request.AssessmentId, cancellationToken);
        assessment.Countersign(Now, user.UserId);

        // The first goals of the plan are drafted from the recommendations, for the case manager to agree with the family.
        var @case = await db.CaseForChangeAsync(user, assessment.CaseId, cancellationToken);
        if (@case.IsOpen && !await db.Goals.AnyAsync(g => g.CaseId == @case.Id, cancellationToken))
        {
            foreach (var recommendation in assessment.RecommendationList.Take(20))
            {
                var description = recommendation.Length > Goal.DescriptionMaxLength ? recommendation[..Goal.DescriptionMaxLength] : recommendation;
                db.Goals.Add(Goal.Set(@case, description, GoalOwner.CaseManager, null, null, Now, user.UserId));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<Unit> ChangeAsync(Guid id, Action<Assessment> change, CancellationToken cancellationToken)
    {
        var assessment = await ForChangeAsync(id, cancellationToken);
        change(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>The assessment with its areas and answers, for a change by its team; not found for anyone else.</summary>
    private async Task<Assessment> ForChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        var teamIds = user.WorksTeamCases() ? user.TeamIds.ToList() : [];
        return await db.Assessments.Include(a => a.Areas).Include(a => a.Adversities)
            .SingleOrDefaultAsync(a => a.Id == id && teamIds.Contains(a.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Assessment", id);
    }
}
