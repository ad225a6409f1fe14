using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Commands.MoveCaseload;

/// <summary>
/// Moves every open case one person holds in the manager's teams to another case manager of the team: when someone
/// leaves or is away for long, or to even out caseloads. Each case is reallocated as one would be by hand (its
/// history kept, its review date unchanged, on the child's timeline). Answers how many cases moved.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record MoveCaseload(Guid FromUserId, Guid ToUserId) : ICommand<int>;

public sealed class MoveCaseloadHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<MoveCaseload, int>
{
    public async Task<int> Handle(MoveCaseload request, CancellationToken cancellationToken)
    {
        var cases = await db.Cases.Include(c => c.Allocations).Include(c => c.Members).OfTeams(user.TeamIds)
            .Where(c => c.Status == CaseStatus.Open && c.CaseManagerUserId == request.FromUserId)
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            throw new DomainRuleException("There are no open cases of the team to move from this person.");
        }

        var to = await users.FindAsync(request.ToUserId, cancellationToken);
        if (to is null || to.IsDisabled || !Roles.TeamCaseRoles.Any(to.Roles.Contains) || cases.Any(c => !to.TeamIds.Contains(c.TeamId)))
        {
            throw new DomainRuleException("Choose a case manager of the team.", nameof(request.ToUserId));
        }

        var teamIds = cases.Select(c => c.TeamId).Distinct().ToList();
        var intervals = await db.Teams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.ReviewIntervalDays, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var @case in cases)
        {
            @case.Allocate(request.ToUserId, now, user.UserId, null, intervals[@case.TeamId]);
        }

        await db.SaveChangesAsync(cancellationToken);
        return cases.Count;
    }
}
