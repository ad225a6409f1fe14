using CaseManagement.Application.Cases;

namespace CaseManagement.Application.Records.Rights.Queries.GetRestrictionNotice;

/// <summary>
/// When processing of the child's record has been restricted, if it is: the banner on the child's pages. Only the
/// date, never the reason, so it says no more than the refusal of a change would. Only about a child the person may
/// see: for any other child it answers as for one without a restriction, so the banner is no side door to who exists.
/// </summary>
[Authorize]
public sealed record GetRestrictionNotice(Guid ChildId) : IRequest<DateTime?>;

public sealed class GetRestrictionNoticeHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetRestrictionNotice, DateTime?>
{
    public async Task<DateTime?> Handle(GetRestrictionNotice request, CancellationToken cancellationToken) =>
        await db.ProcessingRestrictions.AsNoTracking()
            .Where(r => r.ChildId == request.ChildId && r.LiftedAtUtc == null && db.ChildrenVisibleTo(user).Any(c => c.Id == r.ChildId))
            .Select(r => (DateTime?)r.RestrictedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
}
