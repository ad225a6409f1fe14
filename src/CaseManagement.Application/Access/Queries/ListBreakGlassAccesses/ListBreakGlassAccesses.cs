namespace CaseManagement.Application.Access.Queries.ListBreakGlassAccesses;

public sealed record BreakGlassAccessDto(Guid ReferralId, string ReferralReference, string UserName, string Reason, DateTime GrantedAtUtc, DateTime ExpiresAtUtc);

/// <summary>Emergency accesses to the records of the manager's teams in the last 30 days, newest first.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListBreakGlassAccesses : IRequest<IReadOnlyList<BreakGlassAccessDto>>;

public sealed class ListBreakGlassAccessesHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListBreakGlassAccesses, IReadOnlyList<BreakGlassAccessDto>>
{
    public async Task<IReadOnlyList<BreakGlassAccessDto>> Handle(ListBreakGlassAccesses request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var grants = await db.BreakGlassAccesses
            .Where(g => teamIds.Contains(g.TeamId) && g.GrantedAtUtc >= since)
            .Join(db.Referrals, g => g.ReferralId, r => r.Id, (g, r) => new { g.ReferralId, r.Reference, g.UserId, g.Reason, g.GrantedAtUtc, g.ExpiresAtUtc })
            .OrderByDescending(g => g.GrantedAtUtc)
            .Take(100)
            .ToListAsync(cancellationToken);

        // The name is the one the audit trail recorded when access was granted.
        var ids = grants.Select(g => g.ReferralId.ToString()).ToList();
        var names = await db.AuditEntries
            .Where(e => e.Action == Domain.Audit.AuditAction.BreakGlass && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.UserId, e.UserName })
            .ToListAsync(cancellationToken);
        return grants
            .Select(g => new BreakGlassAccessDto(g.ReferralId, g.Reference, names.FirstOrDefault(n => n.EntityId == g.ReferralId.ToString() && n.UserId == g.UserId)?.UserName ?? string.Empty, g.Reason, g.GrantedAtUtc, g.ExpiresAtUtc))
            .ToList();
    }
}
