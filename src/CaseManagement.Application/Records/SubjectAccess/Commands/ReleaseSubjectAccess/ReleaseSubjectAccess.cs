namespace CaseManagement.Application.Records.SubjectAccess.Commands.ReleaseSubjectAccess;

/// <summary>Records that the export was released to the child (or whoever acts for them); the request is then answered.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ReleaseSubjectAccess(Guid RequestId) : ICommand<Unit>;

public sealed class ReleaseSubjectAccessHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReleaseSubjectAccess, Unit>
{
    public async Task<Unit> Handle(ReleaseSubjectAccess request, CancellationToken cancellationToken)
    {
        var found = await db.RequestForTeamAsync(user, request.RequestId, cancellationToken);
        found.Release(clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
