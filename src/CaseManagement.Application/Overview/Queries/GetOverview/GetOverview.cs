using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Overview.Queries.GetOverview;

/// <summary>The figures on the home page, counting only what the user may see.</summary>
[Authorize]
public sealed record GetOverview : IRequest<OverviewDto>;

public sealed record OverviewDto(int ReferralsReceived, int ReferralsAwaitingDuplicateDecision, int ChildrenKnown);

public sealed class GetOverviewHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetOverview, OverviewDto>
{
    public async Task<OverviewDto> Handle(GetOverview request, CancellationToken cancellationToken)
    {
        var referrals = db.Referrals.VisibleTo(user, await db.GrantedReferralIdsAsync(user, clock.GetUtcNow().UtcDateTime, cancellationToken));
        var received = await referrals.CountAsync(r => r.Status == ReferralStatus.Received, cancellationToken);
        var awaiting = await referrals.CountAsync(r => r.Status == ReferralStatus.AwaitingDuplicateDecision, cancellationToken);
        var children = await db.Children.VisibleTo(user).CountAsync(cancellationToken);
        return new OverviewDto(received, awaiting, children);
    }
}
