using CaseManagement.Application.Cases;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Plans;

/// <summary>The one way the plan commands change a plan: the case for its team, its plan (started on the first change), saved.</summary>
internal static class PlanChanges
{
    public static async Task<T> ChangePlanAsync<T>(this IApplicationDbContext db, ICurrentUser user, TimeProvider clock, Guid caseId, Func<ChildCase, CasePlan, DateTime, T> change, CancellationToken cancellationToken)
    {
        var @case = await db.CaseForChangeAsync(user, caseId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await db.CasePlans.WithParts().SingleOrDefaultAsync(p => p.CaseId == @case.Id, cancellationToken);
        if (plan is null)
        {
            plan = CasePlan.Start(@case, now, user.UserId);
            db.CasePlans.Add(plan);
        }

        var answer = change(@case, plan, now);
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }

    /// <summary>The name of the agency the user's account belongs to (a seconded practitioner's), or null.</summary>
    public static async Task<string?> OwnAgencyNameAsync(this IApplicationDbContext db, ICurrentUser user, IUserDirectory users, CancellationToken cancellationToken)
    {
        var agencyId = user.UserId is { } id ? (await users.FindAsync(id, cancellationToken))?.AgencyId : null;
        return agencyId is { } known ? await db.Agencies.Where(a => a.Id == known).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken) : null;
    }

    /// <summary>A plan with its three parts and its versions.</summary>
    public static IQueryable<CasePlan> WithParts(this IQueryable<CasePlan> plans) =>
        plans.Include(p => p.Items).Include(p => p.Actions).Include(p => p.Exit).Include(p => p.Versions);

    /// <summary>The needs the latest assessment recorded, which a goal or action may answer.</summary>
    public static async Task<IReadOnlyList<AssessedNeed>> AssessedAsync(this IApplicationDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var (_, needs) = await Needs.CaseNeeds.LatestAsync(db, caseId, cancellationToken);
        return needs.Select(n => n.Need).ToList();
    }
}
