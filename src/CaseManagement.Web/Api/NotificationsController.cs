using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Notifications.Commands.MarkAllNotificationsRead;
using CaseManagement.Application.Notifications.Commands.MarkNotificationRead;
using CaseManagement.Application.Notifications.Queries.ListNotifications;

namespace CaseManagement.Web.Api;

/// <summary>The signed-in person's own notifications: review reminders and escalations.</summary>
[Route("api/v1/notifications")]
public sealed class NotificationsController(IMediator mediator) : MediatorController(mediator)
{
    /// <summary>Lists the caller's notifications, newest first, with the number unread.</summary>
    [HttpGet]
    public Task<NotificationList> List([FromQuery] int page = 1, [FromQuery] int pageSize = Paging.DefaultPageSize, [FromQuery] bool unreadOnly = false, CancellationToken cancellationToken = default) =>
        Mediator.Send(new ListNotifications(page, pageSize, unreadOnly), cancellationToken);

    /// <summary>Marks one of the caller's notifications read (someone else's is not found).</summary>
    [HttpPost("{id:guid}/read")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> MarkRead(Guid id, CancellationToken cancellationToken)
    {
        return await NoContentAsync(new MarkNotificationRead(id), cancellationToken);
    }

    /// <summary>Marks all the caller's notifications read.</summary>
    [HttpPost("read-all")]
    public async Task<MarkedRead> MarkAllRead(CancellationToken cancellationToken) =>
        new(await Mediator.Send(new MarkAllNotificationsRead(), cancellationToken));
}

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedRead(int Count);
