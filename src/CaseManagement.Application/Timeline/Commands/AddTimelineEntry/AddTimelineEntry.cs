using CaseManagement.Application.Cases;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline.Commands.AddTimelineEntry;

/// <summary>
/// A practitioner adds a transition or life event to the child's timeline (a school move, an exclusion, a bereavement,
/// a contact session, ...). A seconded practitioner may do so for a child whose case they are on.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record AddTimelineEntry(
    Guid ChildId,
    TimelineCategory? Category,
    DateOnly OccurredOn,
    bool DateIsApproximate,
    string Title,
    string? Notes,
    TimelineVisibility? Visibility) : ICommand<Guid>;

public sealed class AddTimelineEntryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddTimelineEntry, Guid>
{
    public async Task<Guid> Handle(AddTimelineEntry request, CancellationToken cancellationToken)
    {
        var child = await db.ChildrenVisibleTo(user).Where(c => c.Id == request.ChildId && c.MergedIntoChildId == null)
            .Select(c => new { c.Id, c.TeamId }).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Child", request.ChildId);

        // Filed with the child's open case the user works on, when there is one (a seconded practitioner always has one).
        var openCase = await db.Cases.VisibleTo(user, db.CaseMembers)
            .Where(c => c.ChildId == child.Id && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.OpenedAtUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var visibility = user.SeesTeamOnlyEntries(child.TeamId) ? request.Visibility!.Value : TimelineVisibility.EveryoneOnTheCase;
        var entry = TimelineEntry.ByPractitioner(child.Id, openCase, request.Category!.Value, request.OccurredOn, request.DateIsApproximate, request.Title, request.Notes, visibility, clock.GetUtcNow().UtcDateTime, user.UserId);
        db.TimelineEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry.Id;
    }
}
