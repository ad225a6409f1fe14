using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.SignpostReferral;

/// <summary>Screening points the child and family to another service, named in the reason.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record SignpostReferral(Guid ReferralId, string Reason) : ICommand<ReferralStatus>;

public sealed class SignpostReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SignpostReferral, ReferralStatus>
{
    public async Task<ReferralStatus> Handle(SignpostReferral request, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, request.ReferralId, cancellationToken);
        referral.Signpost(request.Reason, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return referral.Status;
    }
}
