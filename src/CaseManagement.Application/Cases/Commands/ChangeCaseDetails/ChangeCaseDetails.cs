using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.ChangeCaseDetails;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ChangeCaseDetails(Guid CaseId, InterventionType? InterventionType, bool EnhancedCaseManagement) : ICommand<Unit>;

public sealed class ChangeCaseDetailsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeCaseDetails, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(ChangeCaseDetails request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.ChangeDetails(request.InterventionType!.Value, request.EnhancedCaseManagement, Now, user.UserId), cancellationToken);
}
