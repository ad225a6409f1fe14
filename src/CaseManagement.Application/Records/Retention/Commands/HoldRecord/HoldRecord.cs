namespace CaseManagement.Application.Records.Retention.Commands.HoldRecord;

/// <summary>Keeps a record past its retention date, with the reason (a complaint, a court order, a review under way).</summary>
[Authorize(Roles.TeamManager)]
public sealed record HoldRecord(Guid ReviewId, string? Reason) : ICommand<Unit>;

public sealed class HoldRecordHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<HoldRecord, Unit>
{
    public async Task<Unit> Handle(HoldRecord request, CancellationToken cancellationToken)
    {
        var review = await db.ReviewForTeamAsync(user, request.ReviewId, cancellationToken);
        review.Hold(request.Reason!, clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
