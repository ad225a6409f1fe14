using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Overview.Queries.GetOverview;

/// <summary>The figures on the home page.</summary>
public sealed record GetOverview : IRequest<OverviewDto>;

public sealed record OverviewDto(int ReferralsReceived, int ReferralsAwaitingDuplicateDecision, int ChildrenKnown);

public sealed class GetOverviewHandler(IApplicationDbContext db) : IRequestHandler<GetOverview, OverviewDto>
{
    public async Task<OverviewDto> Handle(GetOverview request, CancellationToken cancellationToken)
    {
        var received = await db.Referrals.CountAsync(r => r.Status == ReferralStatus.Received, cancellationToken);
        var awaiting = await db.Referrals.CountAsync(r => r.Status == ReferralStatus.AwaitingDuplicateDecision, cancellationToken);
        var children = await db.Children.CountAsync(cancellationToken);
        return new OverviewDto(received, awaiting, children);
    }
}
