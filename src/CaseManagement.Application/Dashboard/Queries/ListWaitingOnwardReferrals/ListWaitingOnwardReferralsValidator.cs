using CaseManagement.Application.Common.Models;

namespace CaseManagement.Application.Dashboard.Queries.ListWaitingOnwardReferrals;

public sealed class ListWaitingOnwardReferralsValidator : AbstractValidator<ListWaitingOnwardReferrals>
{
    public ListWaitingOnwardReferralsValidator()
    {
        RuleFor(q => q.Service).IsInEnum().WithMessage("Choose one of the services.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
