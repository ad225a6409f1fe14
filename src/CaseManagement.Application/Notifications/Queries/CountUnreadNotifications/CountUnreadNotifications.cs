namespace CaseManagement.Application.Notifications.Queries.CountUnreadNotifications;

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
