using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Assessments.Queries.ListAssessmentsAwaitingCountersignature;

/// <summary>The team's assessments waiting for a manager's countersignature, oldest first, a page at a time.</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListAssessmentsAwaitingCountersignature(int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<AwaitingCountersignatureDto>>;

public sealed class ListAssessmentsAwaitingCountersignatureHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users)
    : IRequestHandler<ListAssessmentsAwaitingCountersignature, PagedList<AwaitingCountersignatureDto>>
{
    private readonly AwaitingCountersignature _awaiting = new(db, user, users);

    public async Task<PagedList<AwaitingCountersignatureDto>> Handle(ListAssessmentsAwaitingCountersignature request, CancellationToken cancellationToken)
    {
        var awaiting = _awaiting.Awaiting();
        var total = await awaiting.CountAsync(cancellationToken);
        var items = await _awaiting.SummariesAsync(awaiting.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize), cancellationToken);
        return new PagedList<AwaitingCountersignatureDto>(items, request.Page, request.PageSize, total);
    }
}
