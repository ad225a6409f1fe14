using AutoMapper;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Children;
using FluentValidation;
using MediatR;

namespace CaseManagement.Application.Children.Queries.ListChildren;

/// <summary>The children of the user's teams, by family name.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record ListChildren(int Page = 1, int PageSize = Paging.DefaultPageSize) : IRequest<PagedList<ChildSummaryDto>>;

public sealed class ListChildrenHandler(IApplicationDbContext db, IMapper mapper, ICurrentUser user) : IRequestHandler<ListChildren, PagedList<ChildSummaryDto>>
{
    public Task<PagedList<ChildSummaryDto>> Handle(ListChildren request, CancellationToken cancellationToken) =>
        db.Children.VisibleTo(user)
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .ToPagedListAsync<Child, ChildSummaryDto>(mapper.ConfigurationProvider, request.Page, request.PageSize, cancellationToken);
}

public sealed class ListChildrenValidator : AbstractValidator<ListChildren>
{
    public ListChildrenValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("The page must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
