using CaseManagement.Application.Common.Exceptions;
using CaseManagement.Application.Common.Interfaces;
using CaseManagement.Application.Common.Models;
using CaseManagement.Application.Common.Security;
using CaseManagement.Domain.Notifications;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Notifications;

/// <summary>A notification as its recipient sees it. The child is named only for someone who may see the child's record.</summary>
public sealed record NotificationDto(Guid Id, NotificationKind Kind, Guid CaseId, DateOnly ReviewDue, DateTime CreatedAtUtc, bool IsRead, string? ChildName);

/// <summary>One page of the signed-in person's notifications, newest first, with how many are unread in all.</summary>
public sealed record NotificationList(PagedList<NotificationDto> Page, int UnreadCount);

/// <summary>The signed-in person's own notifications; nobody reads anyone else's.</summary>
[Authorize]
public sealed record ListNotifications(int Page = 1, int PageSize = Paging.DefaultPageSize, bool UnreadOnly = false) : IRequest<NotificationList>;

internal sealed class ListNotificationsValidator : AbstractValidator<ListNotifications>
{
    public ListNotificationsValidator()
    {
        RuleFor(r => r.Page).InclusiveBetween(1, Paging.MaxPage).WithMessage($"The page must be between 1 and {Paging.MaxPage}.");
        RuleFor(r => r.PageSize).InclusiveBetween(1, Paging.MaxPageSize).WithMessage($"The page size must be between 1 and {Paging.MaxPageSize}.");
    }
}

internal sealed class ListNotificationsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListNotifications, NotificationList>
{
    public async Task<NotificationList> Handle(ListNotifications request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var mine = db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var shown = request.UnreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = request.UnreadOnly ? unread : await shown.CountAsync(cancellationToken);
        var visibleChildren = db.Children.VisibleTo(user);
        var items = await shown
            .OrderByDescending(n => n.CreatedAtUtc).ThenBy(n => n.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(n => new
            {
                n.Id,
                n.Kind,
                n.CaseId,
                n.ReviewDue,
                n.CreatedAtUtc,
                n.ReadAtUtc,
                Child = db.Cases.Where(c => c.Id == n.CaseId)
                    .Join(visibleChildren, c => c.ChildId, child => child.Id, (c, child) => new { child.GivenName, child.FamilyName, child.PreferredName })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var dtos = items.Select(n => new NotificationDto(
            n.Id, n.Kind, n.CaseId, n.ReviewDue, n.CreatedAtUtc, n.ReadAtUtc is not null,
            n.Child is null ? null : Children.ChildNames.Display(n.Child.GivenName, n.Child.FamilyName, n.Child.PreferredName))).ToList();
        return new NotificationList(new PagedList<NotificationDto>(dtos, request.Page, request.PageSize, total), unread);
    }
}

/// <summary>How many of the signed-in person's notifications are unread (the count in the header).</summary>
[Authorize]
public sealed record CountUnreadNotifications : IRequest<int>;

internal sealed class CountUnreadNotificationsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<CountUnreadNotifications, int>
{
    public Task<int> Handle(CountUnreadNotifications request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        return db.Notifications.CountAsync(n => n.RecipientUserId == userId && n.ReadAtUtc == null, cancellationToken);
    }
}

/// <summary>Marks one of the signed-in person's notifications read. Someone else's is not found.</summary>
[Authorize]
public sealed record MarkNotificationRead(Guid Id) : ICommand<Unit>;

internal sealed class MarkNotificationReadHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkNotificationRead, Unit>
{
    public async Task<Unit> Handle(MarkNotificationRead request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == request.Id && n.RecipientUserId == userId, cancellationToken)
            ?? throw NotFoundException.For("Notification", request.Id);
        notification.MarkRead(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Marks all of the signed-in person's notifications read; answers how many were unread.</summary>
[Authorize]
public sealed record MarkAllNotificationsRead : ICommand<int>;

internal sealed class MarkAllNotificationsReadHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<MarkAllNotificationsRead, int>
{
    public Task<int> Handle(MarkAllNotificationsRead request, CancellationToken cancellationToken)
    {
        var userId = user.UserId ?? Guid.Empty;
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications
            .Where(n => n.RecipientUserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
