namespace CaseManagement.Application.Notifications.Commands.MarkNotificationRead;

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
