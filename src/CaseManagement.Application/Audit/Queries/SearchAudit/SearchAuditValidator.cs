using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries.SearchAudit;

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
