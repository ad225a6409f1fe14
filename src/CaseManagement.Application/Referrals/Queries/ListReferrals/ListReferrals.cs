using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.ListReferrals;

/// <summary>
/// The referrals the user may see, newest first, optionally of one status, found by reference or child's name, and
/// received between two days (<see cref="ReferralFilter"/>).
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record ListReferrals(
    int Page = 1,
    int PageSize = Paging.DefaultPageSize,
    ReferralStatus? Status = null,
    string? Search = null,
    DateOnly? ReceivedFrom = null,
    DateOnly? ReceivedTo = null) : IRequest<PagedList<ReferralSummaryDto>>;

public sealed class ListReferralsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListReferrals, PagedList<ReferralSummaryDto>>
{
    public async Task<PagedList<ReferralSummaryDto>> Handle(ListReferrals request, CancellationToken cancellationToken) =>
        await (await db.ChosenReferralsAsync(user, clock.GetUtcNow().UtcDateTime, new ReferralFilter(request.Status, request.Search, request.ReceivedFrom, request.ReceivedTo), cancellationToken))
            .ToPagedListAsync(ReferralSummaryDto.Projection, request.Page, request.PageSize, cancellationToken);
}
