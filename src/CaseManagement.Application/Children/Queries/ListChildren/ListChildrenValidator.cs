using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Children.Queries.ListChildren;

public sealed class ListChildrenValidator : AbstractValidator<ListChildren>
{
    public ListChildrenValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Search).MaximumLength(100).WithMessage("The search must be 100 characters or fewer.");
    }
}
