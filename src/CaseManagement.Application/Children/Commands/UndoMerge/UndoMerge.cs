namespace CaseManagement.Application.Children.Commands.UndoMerge;

/// <summary>Undoes a merge: exactly the referrals and cases that moved go back, and the record stands on its own again.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record UndoMerge(Guid MergeId) : ICommand<Unit>;

public sealed class UndoMergeHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<UndoMerge, Unit>
{
    public async Task<Unit> Handle(UndoMerge request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var merge = await db.ChildMerges.SingleOrDefaultAsync(m => m.Id == request.MergeId, cancellationToken)
            ?? throw NotFoundException.For("Merge", request.MergeId);
        var merged = await db.Children.SingleOrDefaultAsync(c => c.Id == merge.MergedChildId && teamIds.Contains(c.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Merge", request.MergeId);

        var now = clock.GetUtcNow().UtcDateTime;
        merge.Undo(now, user.UserId);
        var moved = merge.MovedReferrals.ToList();
        foreach (var referral in await db.Referrals.Where(r => moved.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            referral.MoveToChild(merged.Id);
        }

        var movedCases = merge.MovedCases.ToList();
        foreach (var work in await db.Cases.Where(c => movedCases.Contains(c.Id)).ToListAsync(cancellationToken))
        {
            work.MoveToChild(merged.Id);
        }

        var sources = moved.Append(merged.Id).ToList();
        foreach (var key in await db.ChildMatchKeys.Where(k => sources.Contains(k.SourceId)).ToListAsync(cancellationToken))
        {
            key.MoveTo(merged.Id);
        }

        merged.UndoMerge(now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
