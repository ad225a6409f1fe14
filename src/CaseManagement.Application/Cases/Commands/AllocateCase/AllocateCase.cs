namespace CaseManagement.Application.Cases.Commands.AllocateCase;

/// <summary>
/// Allocates the case to a case manager of its team (or moves it to another): the first allocation takes the case
/// off the waiting list and sets the first review, on the date given or at the team's interval.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AllocateCase(Guid CaseId, Guid CaseManagerUserId, DateOnly? FirstReviewDue = null) : ICommand<Unit>;

public sealed class AllocateCaseHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<AllocateCase, Unit>
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Unit> Handle(AllocateCase request, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, request.CaseId, cancellationToken);
        var manager = await users.FindAsync(request.CaseManagerUserId, cancellationToken);
        if (manager is null || manager.IsDisabled || !manager.TeamIds.Contains(@case.TeamId) || !Roles.TeamCaseRoles.Any(manager.Roles.Contains))
        {
            throw new DomainRuleException("Choose a case manager of the child's team.", nameof(request.CaseManagerUserId));
        }

        var interval = await db.Teams.Where(t => t.Id == @case.TeamId).Select(t => t.ReviewIntervalDays).SingleAsync(cancellationToken);
        @case.Allocate(request.CaseManagerUserId, Now, user.UserId, request.FirstReviewDue, interval);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
