using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Commands.AcceptReferral;

/// <summary>
/// Screening accepts the referral. When the team already works with the child (another referral for the child was
/// accepted), the referral joins that work instead of starting new work.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record AcceptReferral(Guid ReferralId) : ICommand<ReferralStatus>;

public sealed class AcceptReferralHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AcceptReferral, ReferralStatus>
{
    public async Task<ReferralStatus> Handle(AcceptReferral request, CancellationToken cancellationToken)
    {
        var referral = await db.ForDecisionAsync(user, request.ReferralId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var childId = referral.ChildId;
        var teamId = referral.TeamId;

        // The child's case with this team, if one is still open; otherwise a new one, on the waiting list.
        var open = childId is null ? null : await db.Cases.FirstOrDefaultAsync(c => c.ChildId == childId && c.TeamId == teamId && c.Status != CaseStatus.Closed, cancellationToken);
        var @case = open ?? (childId is null ? null : ChildCase.Open(teamId, childId.Value, now, user.UserId));
        if (open is null && @case is not null)
        {
            db.Cases.Add(@case);
        }

        referral.Accept(now, user.UserId, @case, childAlreadyOpen: open is not null);
        await db.SaveChangesAsync(cancellationToken);
        return referral.Status;
    }
}
