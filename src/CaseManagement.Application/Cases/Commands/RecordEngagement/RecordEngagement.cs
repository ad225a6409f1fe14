using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.RecordEngagement;

/// <summary>Records how far the child and family have taken up the (voluntary) work, as of a date.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordEngagement(Guid CaseId, EngagementStatus? Status, DateOnly On) : ICommand<Unit>;

public sealed class RecordEngagementHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordEngagement, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(RecordEngagement request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.RecordEngagement(request.Status!.Value, request.On, Now, user.UserId), cancellationToken);
}
