namespace CaseManagement.Application.Work.Plans.Commands.PublishPlan;

/// <summary>Publishes the plan as it stands (its three parts and the case's goals) as the next version; answers the version's number.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record PublishPlan(Guid CaseId) : ICommand<int>, IRunsAgainAfterALostRace;

public sealed class PublishPlanHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<PublishPlan, int>
{
    public async Task<int> Handle(PublishPlan request, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.AsNoTracking().Where(g => g.CaseId == request.CaseId).ToListAsync(cancellationToken);
        var latest = await db.Assessments.AsNoTracking().Where(a => a.CaseId == request.CaseId).OrderByDescending(a => a.Number).FirstOrDefaultAsync(cancellationToken);
        return await db.ChangePlanAsync(user, clock, request.CaseId, (@case, plan, now) => plan.Publish(@case, goals, latest, now, user.UserId).Number, cancellationToken);
    }
}
