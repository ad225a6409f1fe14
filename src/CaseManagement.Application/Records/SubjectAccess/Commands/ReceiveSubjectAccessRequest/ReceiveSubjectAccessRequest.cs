using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.SubjectAccess.Commands.ReceiveSubjectAccessRequest;

/// <summary>Records a subject access request for one of the team's children; answers its id. Due one month from receipt.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ReceiveSubjectAccessRequest(Guid ChildId, DateOnly? ReceivedOn) : ICommand<Guid>;

public sealed class ReceiveSubjectAccessRequestHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReceiveSubjectAccessRequest, Guid>
{
    public async Task<Guid> Handle(ReceiveSubjectAccessRequest request, CancellationToken cancellationToken)
    {
        var child = await db.Children.VisibleTo(user).Where(c => c.Id == request.ChildId).Select(c => new { c.Id, c.TeamId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Child", request.ChildId);
        var now = clock.GetUtcNow().UtcDateTime;
        var received = SubjectAccessRequest.Receive(child.Id, child.TeamId, request.ReceivedOn ?? DateOnly.FromDateTime(now), now, user.UserId);
        db.SubjectAccessRequests.Add(received);
        await db.SaveChangesAsync(cancellationToken);
        return received.Id;
    }
}
