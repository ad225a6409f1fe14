using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Queries.ListChildren;

/// <summary>
/// The children of the user's teams, by family name; optionally those whose given, preferred or family name starts
/// with <see cref="Search"/>. A record merged into another is not listed: its referrals are with the other.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListChildren(int Page = 1, int PageSize = Paging.DefaultPageSize, string? Search = null) : IRequest<PagedList<ChildSummaryDto>>;

public sealed class ListChildrenHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListChildren, PagedList<ChildSummaryDto>>
{
    public Task<PagedList<ChildSummaryDto>> Handle(ListChildren request, CancellationToken cancellationToken)
    {
        var query = db.Children.VisibleTo(user).Where(c => c.MergedIntoChildId == null);
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var term = request.Search.Trim().ToLowerInvariant();
            // Translated to the database's lower(), where the culture rules these analysers guard against do not apply.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(c => c.FamilyName.ToLower().StartsWith(term) || c.GivenName.ToLower().StartsWith(term) || (c.PreferredName != null && c.PreferredName.ToLower().StartsWith(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        return query
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .ToPagedListAsync(ChildSummaryDto.Projection, request.Page, request.PageSize, cancellationToken);
    }
}
