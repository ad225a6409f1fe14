using CaseManagement.Application.Children;
using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Queries.ListRecordsPastRetention;

/// <summary>The team's records past their retention date: waiting for a decision first, then those held, oldest first.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListRecordsPastRetention : IRequest<IReadOnlyList<RetentionReviewDto>>;

/// <summary>A record past its retention date.</summary>
/// <param name="Id">The review's id, to hold or destroy it.</param>
/// <param name="Kind">The kind of record.</param>
/// <param name="RecordId">The child's latest case, or the referral.</param>
/// <param name="ChildId">The child, when known.</param>
/// <param name="ChildName">The child's name, for the team manager to recognise the record.</param>
/// <param name="DueOn">The day the record stopped being needed.</param>
/// <param name="State">Due, Held or Destroyed.</param>
/// <param name="HoldReason">Why it is kept, when held.</param>
public sealed record RetentionReviewDto(Guid Id, RetentionKind Kind, Guid RecordId, Guid? ChildId, string? ChildName, DateOnly DueOn, RetentionState State, string? HoldReason);

public sealed class ListRecordsPastRetentionHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListRecordsPastRetention, IReadOnlyList<RetentionReviewDto>>
{
    public async Task<IReadOnlyList<RetentionReviewDto>> Handle(ListRecordsPastRetention request, CancellationToken cancellationToken)
    {
        var teams = user.TeamIds.ToList();
        var rows = await db.RetentionReviews.AsNoTracking()
            .Where(r => teams.Contains(r.TeamId) && r.State != RetentionState.Destroyed)
            .OrderBy(r => r.State).ThenBy(r => r.DueOn)
            .Select(r => new { r.Id, r.Kind, r.RecordId, r.ChildId, r.DueOn, r.State, r.HoldReason, Child = db.Children.Where(c => c.Id == r.ChildId).Select(c => new { c.GivenName, c.FamilyName, c.PreferredName }).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RetentionReviewDto(r.Id, r.Kind, r.RecordId, r.ChildId, r.Child is null ? null : ChildNames.Display(r.Child.GivenName, r.Child.FamilyName, r.Child.PreferredName), r.DueOn, r.State, r.HoldReason)).ToList();
    }
}
