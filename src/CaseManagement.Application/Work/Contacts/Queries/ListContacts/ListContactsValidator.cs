using CaseManagement.Application.Common.Models;
namespace CaseManagement.Application.Work.Contacts.Queries.ListContacts;

public sealed class ListContactsValidator : AbstractValidator<ListContacts>
{
    public ListContactsValidator()
    {
        RuleFor(q => q.Outcome).IsInEnum().WithMessage("Choose an outcome from the list.");
        RuleFor(q => q.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
