using AutoMapper;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Referrals;
using MediatR;

namespace CaseManagement.Application.Referrals.Queries.ListReferrals;

/// <summary>Referrals, newest first, optionally of one status.</summary>
public sealed record ListReferrals(int Page = 1, int PageSize = Paging.DefaultPageSize, ReferralStatus? Status = null) : IRequest<PagedList<ReferralSummaryDto>>;

public sealed class ListReferralsHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<ListReferrals, PagedList<ReferralSummaryDto>>
{
    public Task<PagedList<ReferralSummaryDto>> Handle(ListReferrals request, CancellationToken cancellationToken)
    {
        var query = db.Referrals.AsQueryable();
        if (request.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query
            .OrderByDescending(r => r.ReceivedAtUtc).ThenBy(r => r.Id)
            .ToPagedListAsync<Referral, ReferralSummaryDto>(mapper.ConfigurationProvider, request.Page, request.PageSize, cancellationToken);
    }
}
