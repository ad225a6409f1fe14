using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Dashboard.Queries.ListTeamContacts;

public sealed class ListTeamContactsValidator : AbstractValidator<ListTeamContacts>
{
    public ListTeamContactsValidator()
    {
        RuleFor(q => q.Outcome).Must(o => o is ContactOutcome.Attended or ContactOutcome.DidNotAttend).WithMessage("Choose attended or did not attend.");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The end of the period must be on or after its start.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
