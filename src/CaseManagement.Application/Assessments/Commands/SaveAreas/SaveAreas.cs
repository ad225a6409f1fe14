using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveAreas;

/// <summary>Saves the areas of one CAF domain: strengths, needs and a concern marker for each.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveAreas(Guid AssessmentId, CafDomain Domain, IReadOnlyList<AreaAnswer> Areas) : ICommand<Unit>;

public sealed class SaveAreasHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveAreas, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveAreas r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetAreas(r.Domain, r.Areas, Now), cancellationToken);
}
