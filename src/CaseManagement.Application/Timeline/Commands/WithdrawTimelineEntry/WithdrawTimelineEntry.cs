using CaseManagement.Application.Cases;
using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Timeline;

namespace CaseManagement.Application.Timeline.Commands.WithdrawTimelineEntry;

/// <summary>Withdraws a mistaken entry, with the reason; it stays on the record, marked as withdrawn.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record WithdrawTimelineEntry(Guid EntryId, string Reason) : ICommand<Unit>;

public sealed class WithdrawTimelineEntryHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<WithdrawTimelineEntry, Unit>
{
    public async Task<Unit> Handle(WithdrawTimelineEntry request, CancellationToken cancellationToken)
    {
        var entry = await db.TimelineEntries.SingleOrDefaultAsync(e => e.Id == request.EntryId, cancellationToken)
            ?? throw NotFoundException.For("Timeline entry", request.EntryId);
        var teamId = await db.ChildrenVisibleTo(user).Where(c => c.Id == entry.ChildId).Select(c => (Guid?)c.TeamId).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Timeline entry", request.EntryId);
        if (!user.CanWithdraw(entry.RecordedByUserId, entry.Kind, teamId))
        {
            throw new ForbiddenAccessException("Only the author or a team manager can withdraw an entry.");
        }

        entry.Withdraw(request.Reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
