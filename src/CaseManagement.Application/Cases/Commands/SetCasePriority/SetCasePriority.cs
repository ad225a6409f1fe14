using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.SetCasePriority;

/// <summary>Sets the team's priority for allocating a case on the waiting list.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SetCasePriority(Guid CaseId, AllocationPriority? Priority) : ICommand<Unit>;

public sealed class SetCasePriorityHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetCasePriority, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Unit> Handle(SetCasePriority request, CancellationToken cancellationToken) =>
        db.ChangeCaseAsync(user, request.CaseId, c => c.SetPriority(request.Priority!.Value, Now, user.UserId), cancellationToken);
}
