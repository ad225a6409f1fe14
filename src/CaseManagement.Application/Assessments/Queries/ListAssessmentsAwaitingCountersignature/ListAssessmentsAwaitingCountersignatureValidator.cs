using CaseManagement.Application.Children;
using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Assessments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Assessments.Queries.ListAssessmentsAwaitingCountersignature;

public sealed class ListAssessmentsAwaitingCountersignatureValidator : AbstractValidator<ListAssessmentsAwaitingCountersignature>
{
    public ListAssessmentsAwaitingCountersignatureValidator()
    {
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
