using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.DeclineReferral;

/// <summary>Screening declines the referral, with the reason the referrer will be told.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record DeclineReferral(Guid ReferralId, string Reason) : ICommand<ReferralStatus>;

public sealed class DeclineReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<DeclineReferral, ReferralStatus>
{
    public async Task<ReferralStatus> Handle(DeclineReferral request, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, request.ReferralId, cancellationToken);
        referral.Decline(request.Reason, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return referral.Status;
    }
}
