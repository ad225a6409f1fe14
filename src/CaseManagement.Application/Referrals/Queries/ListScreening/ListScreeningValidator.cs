using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Referrals.Queries.ListScreening;

public sealed class ListScreeningValidator : AbstractValidator<ListScreening>
{
    public ListScreeningValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Status)
            .Must(s => s is null or ReferralStatus.AwaitingDuplicateDecision or ReferralStatus.Screening)
            .WithMessage("The screening queue holds referrals awaiting a duplicate decision or in screening.");
    }
}
