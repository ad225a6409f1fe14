using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Commands.ListRetentionDue;

/// <summary>
/// The nightly job: lists each record past its retention date on the team managers' review queue. It destroys
/// nothing; a team manager confirms each destruction. It also clears the changes of rows the audit sealer set aside
/// once they are past their retention period (decision 0099), audited. Answers how many records it listed.
/// </summary>
[Authorize(Roles.System)]
public sealed record ListRetentionDue : ICommand<int>;

internal sealed class ListRetentionDueHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListRetentionDue, int>
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<int> Handle(ListRetentionDue request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.NewlyDueAsync(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, UkTime)), now, cancellationToken);
        db.RetentionReviews.AddRange(due);
        await db.ClearSetAsideChangesPastRetentionAsync(audit, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
