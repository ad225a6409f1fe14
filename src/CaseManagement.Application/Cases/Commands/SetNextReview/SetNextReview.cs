namespace CaseManagement.Application.Cases.Commands.SetNextReview;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetNextReview(Guid CaseId, DateOnly Due) : ICommand<Unit>;

public sealed class SetNextReviewHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetNextReview, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SetNextReview request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.SetNextReview(request.Due, Now, user.UserId), cancellationToken);
}
