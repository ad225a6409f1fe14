using CaseManagement.Application.Cases;

namespace CaseManagement.Application.Work.Interventions.Commands.SetInterventionSessions;

/// <summary>Says which contacts of the case were sessions of the intervention; sessions offered and attended are counted from them.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record SetInterventionSessions(Guid InterventionId, IReadOnlyList<Guid>? ContactIds) : ICommand<Unit>;

public sealed class SetInterventionSessionsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SetInterventionSessions, Unit>
{
    public async Task<Unit> Handle(SetInterventionSessions request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var intervention = await db.Interventions.Include(i => i.Sessions).Where(i => i.Id == request.InterventionId && cases.Any(c => c.Id == i.CaseId)).SingleOrDefaultAsync(cancellationToken)
            ?? throw NotFoundException.For("Intervention", request.InterventionId);
        var @case = await db.Cases.SingleAsync(c => c.Id == intervention.CaseId, cancellationToken);
        var ids = (request.ContactIds ?? []).Distinct().ToList();
        var contacts = await db.Contacts.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (contacts.Count != ids.Count)
        {
            throw new DomainRuleException("Choose contacts of this child's case.", nameof(request.ContactIds));
        }

        intervention.SetSessions(@case, contacts, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
