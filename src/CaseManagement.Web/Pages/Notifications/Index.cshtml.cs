using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Notifications.Commands.MarkAllNotificationsRead;
using CaseManagement.Application.Notifications.Commands.MarkNotificationRead;
using CaseManagement.Application.Notifications.Queries.ListNotifications;

namespace CaseManagement.Web.Pages.Notifications;

/// <summary>The signed-in person's notifications, unread first to the eye, each linking to its case.</summary>
public sealed class IndexModel(IMediator mediator) : AppPageModel(mediator)
{
    public NotificationList List { get; private set; } = null!;

    public async Task OnGetAsync(int? page, CancellationToken cancellationToken) =>
        List = await Mediator.Send(new ListNotifications(Math.Clamp(page ?? 1, 1, Paging.MaxPage)), cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid id, int? page, CancellationToken cancellationToken)
    {
        try
        {
            await Mediator.Send(new MarkNotificationRead(id), cancellationToken);
        }
        catch (NotFoundException)
        {
            // Already gone or never the person's own: there is nothing to mark, and the list says what is there.
        }

        return LocalRedirect(page is > 1 ? $"/notifications?page={page}" : "/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await Mediator.Send(new MarkAllNotificationsRead(), cancellationToken);
        return RedirectToPage();
    }
}
