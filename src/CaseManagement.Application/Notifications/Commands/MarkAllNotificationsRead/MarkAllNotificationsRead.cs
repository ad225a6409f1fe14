namespace CaseManagement.Application.Notifications.Commands.MarkAllNotificationsRead;

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
