using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.RecordLaterOffending;

/// <summary>Records what is known of the child's offending since the case closed (the team's own evaluation).</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record RecordLaterOffending(Guid CaseId, LaterOffending? Outcome, DateOnly RecordedOn) : ICommand<Unit>;

public sealed class RecordLaterOffendingHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<RecordLaterOffending, Unit>
{
    public async Task<Unit> Handle(RecordLaterOffending request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        @case.RecordLaterOffending(request.Outcome!.Value, request.RecordedOn, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
