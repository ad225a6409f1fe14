namespace CaseManagement.Application.Children.Queries.ListChildMerges;

/// <summary>The team's merges of child records, newest first.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListChildMerges : IRequest<IReadOnlyList<ChildMergeDto>>;

/// <summary>A merge of two records, for the list with "undo".</summary>
public sealed record ChildMergeDto(Guid Id, Guid SurvivorChildId, string SurvivorName, Guid MergedChildId, string MergedName, string Reason, DateTime MergedAtUtc, DateTime? UndoneAtUtc, int ReferralsMoved);

public sealed class ListChildMergesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListChildMerges, IReadOnlyList<ChildMergeDto>>
{
    public async Task<IReadOnlyList<ChildMergeDto>> Handle(ListChildMerges request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var rows = await db.ChildMerges.AsNoTracking()
            .Join(db.Children, m => m.SurvivorChildId, c => c.Id, (m, s) => new { Merge = m, Survivor = s })
            .Join(db.Children, x => x.Merge.MergedChildId, c => c.Id, (x, merged) => new { x.Merge, x.Survivor, Merged = merged })
            .Where(x => teamIds.Contains(x.Merged.TeamId))
            .OrderByDescending(x => x.Merge.MergedAtUtc)
            .Take(100)
            .Select(x => new { x.Merge, SurvivorName = x.Survivor.GivenName + " " + x.Survivor.FamilyName, MergedName = x.Merged.GivenName + " " + x.Merged.FamilyName })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ChildMergeDto(r.Merge.Id, r.Merge.SurvivorChildId, r.SurvivorName, r.Merge.MergedChildId, r.MergedName, r.Merge.Reason, r.Merge.MergedAtUtc, r.Merge.UndoneAtUtc, r.Merge.MovedReferrals.Count)).ToList();
    }
}
