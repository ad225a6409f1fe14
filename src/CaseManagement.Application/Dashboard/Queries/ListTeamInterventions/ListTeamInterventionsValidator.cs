using CaseManagement.Application.Common.Models;

namespace CaseManagement.Application.Dashboard.Queries.ListTeamInterventions;

public sealed class ListTeamInterventionsValidator : AbstractValidator<ListTeamInterventions>
{
    public ListTeamInterventionsValidator()
    {
        RuleFor(q => q.Measure).IsInEnum().WithMessage("Choose started, completed or stopped.");
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).WithMessage("The end of the period must be on or after its start.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
