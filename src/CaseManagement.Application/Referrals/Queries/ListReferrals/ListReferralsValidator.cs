using CaseManagement.Application.Common.Models;

namespace CaseManagement.Application.Referrals.Queries.ListReferrals;

public sealed class ListReferralsValidator : AbstractValidator<ListReferrals>
{
    public ListReferralsValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
        RuleFor(q => q.Status).IsInEnum().WithMessage("The status is not one of the referral statuses.");
        RuleFor(q => q.Search).MaximumLength(ReferralFilter.SearchMaxLength).WithMessage("The search must be 100 characters or fewer.");
        RuleFor(q => q.ReceivedTo).GreaterThanOrEqualTo(q => q.ReceivedFrom).When(q => q.ReceivedFrom is not null && q.ReceivedTo is not null)
            .WithMessage("The last day must be the same as or after the first day.");
    }
}
