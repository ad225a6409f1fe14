using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.ReopenCase;

[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ReopenCase(Guid CaseId) : ICommand<Unit>;

public sealed class ReopenCaseHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ReopenCase, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(ReopenCase request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        if (await db.Cases.AnyAsync(c => c.ChildId == @case.ChildId && c.TeamId == @case.TeamId && c.Id != @case.Id && c.Status != CaseStatus.Closed, cancellationToken))
        {
            throw new DomainRuleException("The child already has an open case with the team.");
        }

        var interval = await db.Teams.Where(t => t.Id == @case.TeamId).Select(t => t.ReviewIntervalDays).SingleAsync(cancellationToken);
        @case.Reopen(Now, user.UserId, interval);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
