using System.Data.Common;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Notifications.Queries.CountUnreadNotifications;
using CaseManagement.Web.Hosting;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The header's link to the notifications, with the number unread. The count never breaks a page: when the database
/// cannot answer (the error page itself may be showing why), the link shows without it.
/// </summary>
public sealed partial class UnreadNotificationsViewComponent(IMediator mediator, ILogger<UnreadNotificationsViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // On the busy page the database has just failed to answer: asking again would hold the page up for its time-out.
        if (BusyPage.IsBeingDrawn(HttpContext))
        {
            return View(0);
        }

        try
        {
            return View(await mediator.Send(new CountUnreadNotifications(), HttpContext.RequestAborted));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            LogCountFailed(logger, ex);
            return View(0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The unread notification count could not be read; the header shows the link without it")]
    private static partial void LogCountFailed(ILogger logger, Exception exception);
}
