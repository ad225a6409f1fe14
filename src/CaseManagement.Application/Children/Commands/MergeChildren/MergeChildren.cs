using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Commands.MergeChildren;

/// <summary>
/// Two records of the team are the same child: the second's referrals and cases move to the first, and the second is kept,
/// marked as merged, so the merge can be undone. Nothing is deleted.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record MergeChildren(Guid SurvivorChildId, Guid MergedChildId, string Reason) : ICommand<Guid>;

public sealed class MergeChildrenHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MergeChildren, Guid>
{
    public async Task<Guid> Handle(MergeChildren request, CancellationToken cancellationToken)
    {
        var survivor = await TeamChildAsync(request.SurvivorChildId, cancellationToken);
        var merged = await TeamChildAsync(request.MergedChildId, cancellationToken);
        if (survivor.MergedIntoChildId is not null)
        {
            throw new DomainRuleException("The record to keep has itself been merged into another; merge into that one.");
        }

        if (survivor.TeamId != merged.TeamId)
        {
            throw new DomainRuleException("Only records of the same team can be merged.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var referrals = await db.Referrals.Where(r => r.ChildId == merged.Id).ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            referral.MoveToChild(survivor.Id);
        }

        foreach (var key in await db.ChildMatchKeys.Where(k => k.ChildId == merged.Id).ToListAsync(cancellationToken))
        {
            key.MoveTo(survivor.Id);
        }

        // The child's cases go with the referrals, so the team's lists and figures count one child once. Two cases
        // open for the same child stay open, both on the survivor, for the team to close the one not needed.
        var cases = await db.Cases.Where(c => c.ChildId == merged.Id).ToListAsync(cancellationToken);
        foreach (var work in cases)
        {
            work.MoveToChild(survivor.Id);
        }

        merged.MergeInto(survivor.Id, now);
        var merge = new ChildMerge(survivor.Id, merged.Id, request.Reason, referrals.Select(r => r.Id), cases.Select(c => c.Id), now, user.UserId);
        db.ChildMerges.Add(merge);
        await db.SaveChangesAsync(cancellationToken);
        return merge.Id;
    }

    private async Task<Child> TeamChildAsync(Guid id, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        return await db.Children.SingleOrDefaultAsync(c => c.Id == id && teamIds.Contains(c.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Child", id);
    }
}
