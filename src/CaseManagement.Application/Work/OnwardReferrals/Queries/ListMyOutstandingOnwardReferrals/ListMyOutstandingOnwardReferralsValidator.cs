using CaseManagement.Application.Common.Models;

namespace CaseManagement.Application.Work.OnwardReferrals.Queries.ListMyOutstandingOnwardReferrals;

public sealed class ListMyOutstandingOnwardReferralsValidator : AbstractValidator<ListMyOutstandingOnwardReferrals>
{
    public ListMyOutstandingOnwardReferralsValidator()
    {
        RuleFor(r => r.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(r => r.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
