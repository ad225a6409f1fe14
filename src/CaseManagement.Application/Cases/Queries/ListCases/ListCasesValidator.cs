using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.ListCases;

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Filter).IsInEnum().WithMessage("Choose which cases to list.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Sort).IsInEnum().WithMessage("Choose a column to sort by.");
        RuleFor(q => q.Source).IsInEnum().WithMessage("Choose a source.");
        RuleFor(q => q.Urgency).IsInEnum().WithMessage("Choose an urgency.");
        RuleFor(q => q.Priority).IsInEnum().WithMessage("Choose a priority.");
    }
}
