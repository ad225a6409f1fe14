namespace CaseManagement.Application.Cases.Commands.RemoveCasePractitioner;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RemoveCasePractitioner(Guid CaseId, Guid UserId) : ICommand<Unit>;

public sealed class RemoveCasePractitionerHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RemoveCasePractitioner, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(RemoveCasePractitioner request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.RemovePractitioner(request.UserId, Now, user.UserId), cancellationToken);
}
