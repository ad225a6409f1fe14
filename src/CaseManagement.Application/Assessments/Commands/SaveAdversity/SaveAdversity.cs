using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveAdversity;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAdversity(Guid AssessmentId, IReadOnlyList<AdversityAnswerInput> Answers) : ICommand<Unit>;

public sealed class SaveAdversityHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveAdversity, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveAdversity r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetAdversity(r.Answers, Now), cancellationToken);
}
