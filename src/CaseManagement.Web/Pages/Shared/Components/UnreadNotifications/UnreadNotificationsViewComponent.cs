using CaseManagement.Application.Notifications;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>The header's link to the notifications, with the number unread.</summary>
public sealed class UnreadNotificationsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await mediator.Send(new CountUnreadNotifications(), HttpContext.RequestAborted));
}
