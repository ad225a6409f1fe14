using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Retention.Commands.ListRetentionDue;

/// <summary>
/// The nightly job: lists each record past its retention date on the team managers' review queue. It destroys
/// nothing; a team manager confirms each destruction. Answers how many it listed.
/// </summary>
[Authorize(Roles.System)]
public sealed record ListRetentionDue : ICommand<int>;

internal sealed class ListRetentionDueHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ListRetentionDue, int>
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public async Task<int> Handle(ListRetentionDue request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.NewlyDueAsync(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, UkTime)), now, cancellationToken);
        db.RetentionReviews.AddRange(due);
        await db.SaveChangesAsync(cancellationToken);
        return due.Count;
    }
}
