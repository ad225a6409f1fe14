using CaseManagement.Application.Cases;
using CaseManagement.Application.Work.Contacts.Queries;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Queries.GetWorkSoFar;

/// <summary>
/// The case page's short "work so far": the last contact the child attended, the next one planned, how many
/// interventions are running and how many onward referrals are waiting; each leads to its page.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetWorkSoFar(Guid CaseId) : IRequest<WorkSoFarDto?>;

/// <param name="LastContact">The latest contact the child attended (as the lists' "last contact" counts it, decision 0039).</param>
/// <param name="NextContact">The earliest planned contact still ahead.</param>
/// <param name="InterventionsRunning">Interventions planned or started.</param>
/// <param name="OnwardReferralsWaiting">Onward referrals sent and not yet answered or closed.</param>
public sealed record WorkSoFarDto(ContactSummaryDto? LastContact, ContactSummaryDto? NextContact, int InterventionsRunning, int OnwardReferralsWaiting);

public sealed class GetWorkSoFarHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<GetWorkSoFar, WorkSoFarDto?>
{
    public async Task<WorkSoFarDto?> Handle(GetWorkSoFar request, CancellationToken cancellationToken)
    {
        if (!await db.Cases.VisibleTo(user, db.CaseMembers).AnyAsync(c => c.Id == request.CaseId, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var contacts = db.Contacts.AsNoTracking().Where(c => c.CaseId == request.CaseId);
        var last = await contacts.Where(c => c.Outcome == ContactOutcome.Attended && c.ChildTookPart).OrderByDescending(c => c.StartsAtUtc)
            .Select(ContactSummaryDto.Projection).FirstOrDefaultAsync(cancellationToken);
        var next = await contacts.Where(c => c.Outcome == ContactOutcome.Planned && c.StartsAtUtc > now).OrderBy(c => c.StartsAtUtc)
            .Select(ContactSummaryDto.Projection).FirstOrDefaultAsync(cancellationToken);
        var running = await db.Interventions.CountAsync(i => i.CaseId == request.CaseId && i.Status == InterventionStatus.Started, cancellationToken);
        var waiting = await db.OnwardReferrals.CountAsync(
            r => r.CaseId == request.CaseId && r.ClosedOn == null && r.FirstAppointmentOn == null && (r.Accepted == null || r.Accepted == true), cancellationToken);
        return new WorkSoFarDto(last, next, running, waiting);
    }
}
