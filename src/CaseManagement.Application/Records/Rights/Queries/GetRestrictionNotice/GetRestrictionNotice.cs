namespace CaseManagement.Application.Records.Rights.Queries.GetRestrictionNotice;

/// <summary>
/// When processing of the child's record has been restricted, if it is: the banner on the child's pages. Only the
/// date, never the reason, so it says no more than the refusal of a change would.
/// </summary>
[Authorize]
public sealed record GetRestrictionNotice(Guid ChildId) : IRequest<DateTime?>;

public sealed class GetRestrictionNoticeHandler(IApplicationDbContext db) : IRequestHandler<GetRestrictionNotice, DateTime?>
{
    public async Task<DateTime?> Handle(GetRestrictionNotice request, CancellationToken cancellationToken) =>
        await db.ProcessingRestrictions.AsNoTracking()
            .Where(r => r.ChildId == request.ChildId && r.LiftedAtUtc == null)
            .Select(r => (DateTime?)r.RestrictedAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
}
