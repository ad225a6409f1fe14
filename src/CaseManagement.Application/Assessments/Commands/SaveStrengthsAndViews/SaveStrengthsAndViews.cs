using CaseManagement.Domain.Assessments;

namespace CaseManagement.Application.Assessments.Commands.SaveStrengthsAndViews;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SaveStrengthsAndViews(Guid AssessmentId, string? Relationships, string? Interests, string? Aspirations, string? ChildView, string? ParentView) : ICommand<Unit>;

public sealed class SaveStrengthsAndViewsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveStrengthsAndViews, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SaveStrengthsAndViews r, CancellationToken cancellationToken) =>
        db.ChangeAssessmentAsync(user, r.AssessmentId, a => a.SetStrengthsAndViews(new StrengthsAndViews(r.Relationships, r.Interests, r.Aspirations, r.ChildView, r.ParentView), Now), cancellationToken);
}
