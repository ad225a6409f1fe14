using AutoMapper;
using AutoMapper.QueryableExtensions;
using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Audit;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Audit.Queries.SearchAudit;

/// <summary>The audit trail, newest first, for auditors.</summary>
[Authorize(Roles.Auditor)]
public sealed record SearchAudit(AuditFilter Filter, int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<AuditEntryDto>>;

public sealed class SearchAuditValidator : AbstractValidator<SearchAudit>
{
    public SearchAuditValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Filter.To).GreaterThanOrEqualTo(q => q.Filter.From).When(q => q.Filter.From is not null && q.Filter.To is not null)
            .WithMessage("The end date must be the same as or after the start date.").OverridePropertyName("To");
        RuleFor(q => q.Filter.Action).IsInEnum().OverridePropertyName("Action").WithMessage("Select an action from the list.");
    }
}

public sealed class SearchAuditHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<SearchAudit, PagedList<AuditEntryDto>>
{
    public async Task<PagedList<AuditEntryDto>> Handle(SearchAudit request, CancellationToken cancellationToken)
    {
        var page = await request.Filter.Apply(db.AuditEntries)
            .OrderByDescending(e => e.Sequence)
            .ToPagedListAsync<AuditEntry, AuditEntryDto>(mapper.ConfigurationProvider, request.Page, request.PageSize, cancellationToken);
        return page with { Items = page.Items.Select(e => e.ForAuditor()).ToList() };
    }
}
