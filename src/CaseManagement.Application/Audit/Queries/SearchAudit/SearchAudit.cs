using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries.SearchAudit;

/// <summary>The audit trail, newest first, for auditors.</summary>
[Authorize(Roles.Auditor)]
public sealed record SearchAudit(AuditFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<AuditEntryDto>>;

public sealed class SearchAuditHandler(IApplicationDbContext db) : IRequestHandler<SearchAudit, PagedList<AuditEntryDto>>
{
    public async Task<PagedList<AuditEntryDto>> Handle(SearchAudit request, CancellationToken cancellationToken)
    {
        var page = await request.Filter.Apply(db.AuditEntries)
            .OrderByDescending(e => e.Sequence)
            .ToPagedListAsync(AuditEntryDto.Projection, request.Page, request.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(e => e.ForAuditor()).ToList() };
    }
}
