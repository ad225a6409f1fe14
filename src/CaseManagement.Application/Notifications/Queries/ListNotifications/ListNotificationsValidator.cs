using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Notifications.Queries.ListNotifications;

internal sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    public ListNotificationsValidator()
    {
        RuleFor(r => r.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(r => r.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}
