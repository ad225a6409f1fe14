using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Assessments.Commands.SaveAnalysis;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAnalysis(Guid AssessmentId, string? Analysis, string? Recommendations) : ICommand<Unit>;

public sealed class SaveAnalysisHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveAnalysis, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveAnalysis r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetAnalysis(r.Analysis, r.Recommendations, Now), cancellationToken);
}
