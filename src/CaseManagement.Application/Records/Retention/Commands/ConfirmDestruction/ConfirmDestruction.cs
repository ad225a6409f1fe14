using CaseManagement.Application.Records.Documents;

namespace CaseManagement.Application.Records.Retention.Commands.ConfirmDestruction;

/// <summary>
/// A team manager confirms that a record past its retention date is destroyed: its personal data and documents go at
/// once, in one transaction; the anonymous rows the reports count stay (decision 0051).
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ConfirmDestruction(Guid ReviewId) : ICommand<Unit>;

public sealed class ConfirmDestructionHandler(IApplicationDbContext db, ICurrentUser user, IDocumentStore store, TimeProvider clock) : IRequestHandler<ConfirmDestruction, Unit>
{
    public async Task<Unit> Handle(ConfirmDestruction request, CancellationToken cancellationToken)
    {
        var review = await db.ReviewForTeamAsync(user, request.ReviewId, cancellationToken);
        review.ConfirmDestruction(clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.DestroyAsync(store, review, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
