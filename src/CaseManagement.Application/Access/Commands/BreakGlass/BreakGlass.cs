using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Access.Commands.BreakGlass;

/// <summary>Opens another team's referral in an emergency, for a short time, with a reason the team manager will see.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record BreakGlass(Guid ReferralId, string Reason) : ICommand<DateTime>;

public sealed class BreakGlassHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<BreakGlass, DateTime>
{
    /// <summary>How long emergency access lasts before it must be asked for again.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromHours(1);

    public async Task<DateTime> Handle(BreakGlass request, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.Where(r => r.Id == request.ReferralId).Select(r => new { r.TeamId, r.ChildId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Referral", request.ReferralId);
        var grant = BreakGlassAccess.Grant(user.UserId!.Value, request.ReferralId, referral.TeamId, request.Reason, clock.GetUtcNow().UtcDateTime, Duration);
        db.BreakGlassAccesses.Add(grant);
        audit.Record(new AuditRecord(AuditAction.BreakGlass, "Referral", request.ReferralId.ToString(), referral.ChildId, Reason: grant.Reason));
        await db.SaveChangesAsync(cancellationToken);
        return grant.ExpiresAtUtc;
    }
}
