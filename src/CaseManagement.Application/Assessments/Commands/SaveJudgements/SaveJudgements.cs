using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveJudgements;

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

public sealed class SaveJudgementsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveJudgements, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(SaveJudgements r, CancellationToken cancellationToken)
    {
        var assessment = await db.AssessmentForChangeAsync(user, r.AssessmentId, cancellationToken);
        var @case = await db.Cases.SingleAsync(c => c.Id == assessment.CaseId, cancellationToken);
        assessment.SetJudgements(@case, new Judgements(r.Reoffending, r.ReoffendingRationale, r.ReoffendingEvidence, r.SeriousHarm, r.SeriousHarmRationale, r.SeriousHarmEvidence, r.Wellbeing, r.WellbeingRationale, r.WellbeingEvidence), Now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
