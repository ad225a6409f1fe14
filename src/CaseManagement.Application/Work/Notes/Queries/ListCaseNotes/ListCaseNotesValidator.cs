using CaseManagement.Application.Common.Models;

namespace CaseManagement.Application.Work.Notes.Queries.ListCaseNotes;

public sealed class ListCaseNotesValidator : AbstractValidator<ListCaseNotes>
{
    public ListCaseNotesValidator()
    {
        RuleFor(q => q.Search).MaximumLength(200).WithMessage("Search for 200 characters or fewer.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
