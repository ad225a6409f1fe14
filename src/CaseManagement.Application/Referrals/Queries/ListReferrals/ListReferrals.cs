using AutoMapper;
using AutoMapper.QueryableExtensions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Referrals;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals.Queries.ListReferrals;

/// <summary>The referrals the user may see, newest first, optionally of one status.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record ListReferrals(int Page = 1, int PageSize = Paging.DefaultPageSize, ReferralStatus? Status = null) : IRequest<PagedList<ReferralSummaryDto>>;

/// <summary>Every referral of the list (newest first, up to <see cref="ListReferralsHandler.ExportLimit"/>), for a spreadsheet. The export is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer)]
public sealed record ExportReferrals(ReferralStatus? Status = null) : IRequest<IReadOnlyList<ReferralSummaryDto>>;

public sealed class ListReferralsHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user, IAuditTrail audit, TimeProvider clock)
    : IRequestHandler<ListReferrals, PagedList<ReferralSummaryDto>>, IRequestHandler<ExportReferrals, IReadOnlyList<ReferralSummaryDto>>
{
    public const int ExportLimit = 50_000;

    public async Task<PagedList<ReferralSummaryDto>> Handle(ListReferrals request, CancellationToken cancellationToken) =>
        await (await ChosenAsync(request.Status, cancellationToken))
            .ToPagedListAsync<Referral, ReferralSummaryDto>(mapper.ConfigurationProvider, request.Page, request.PageSize, cancellationToken);

    public async Task<IReadOnlyList<ReferralSummaryDto>> Handle(ExportReferrals request, CancellationToken cancellationToken)
    {
        var rows = await (await ChosenAsync(request.Status, cancellationToken)).Take(ExportLimit)
            .ProjectTo<ReferralSummaryDto>(mapper.ConfigurationProvider).ToListAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Export, "ReferralList", request.Status?.ToString() ?? "All", null, Changes: null, Reason: $"{rows.Count} rows"));
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    private async Task<IOrderedQueryable<Referral>> ChosenAsync(ReferralStatus? status, CancellationToken cancellationToken)
    {
        var granted = await db.GrantedReferralIdsAsync(user, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var query = db.Referrals.VisibleTo(user, granted);
        if (status is { } only)
        {
            query = query.Where(r => r.Status == only);
        }

        return query.OrderByDescending(r => r.ReceivedAtUtc).ThenBy(r => r.Id);
    }
}
