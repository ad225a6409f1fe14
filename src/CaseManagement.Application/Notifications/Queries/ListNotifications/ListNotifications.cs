using CaseManagement.Application.Common.Models;
using CaseManagement.Domain.Notifications;

namespace CaseManagement.Application.Notifications.Queries.ListNotifications;

/// <summary>The signed-in person's own notifications; nobody reads anyone else's.</summary>
[Authorize]
public sealed record ListNotifications(int Page = 1, int PageSize = Paging.DefaultPageSize, bool UnreadOnly = false) : IRequest<NotificationList>;

/// <summary>One page of the signed-in person's notifications, newest first, with how many are unread in all.</summary>
public sealed record NotificationList(PagedList<NotificationDto> Page, int UnreadCount);

/// <summary>
/// A notification as its recipient sees it. The child is named only for someone who may see the child's record.
/// <see cref="AssessmentId"/> is the assessment a step of an assessment is about (null for a review reminder).
/// </summary>
public sealed record NotificationDto(Guid Id, NotificationKind Kind, Guid CaseId, DateOnly ReviewDue, DateTime CreatedAtUtc, bool IsRead, string? ChildName, Guid? AssessmentId = null);

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
                n.AssessmentId,
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
            n.Child is null ? null : Children.ChildNames.Display(n.Child.GivenName, n.Child.FamilyName, n.Child.PreferredName), n.AssessmentId)).ToList();
        return new NotificationList(new PagedList<NotificationDto>(dtos, request.Page, request.PageSize, total), unread);
    }
}
