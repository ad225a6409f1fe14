using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Work.OnwardReferrals.Queries.GetOnwardReferral;

/// <summary>One onward referral; null when the user does not see its case. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetOnwardReferral(Guid Id) : IRequest<OnwardReferralDto?>;

public sealed class GetOnwardReferralHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<GetOnwardReferral, OnwardReferralDto?>
{
    public async Task<OnwardReferralDto?> Handle(GetOnwardReferral request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var found = await db.OnwardReferrals.AsNoTracking().Where(r => r.Id == request.Id && cases.Any(c => c.Id == r.CaseId)).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        audit.Record(new AuditRecord(AuditAction.View, "OnwardReferral", found.Id.ToString(), found.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return OnwardReferralDto.From(found, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
