using CaseManagement.Application.Cases;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Work.Interventions.Queries.GetIntervention;

/// <summary>One intervention; null when the user does not see its case. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetIntervention(Guid Id) : IRequest<InterventionDto?>;

public sealed class GetInterventionHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetIntervention, InterventionDto?>
{
    public async Task<InterventionDto?> Handle(GetIntervention request, CancellationToken cancellationToken)
    {
        var cases = db.Cases.VisibleTo(user, db.CaseMembers);
        var owner = await db.Interventions.Where(i => i.Id == request.Id && cases.Any(c => c.Id == i.CaseId))
            .Select(i => new { i.CaseId, i.TeamId, i.ChildId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return null;
        }

        var found = await InterventionDto.ReadAsync(db, owner.CaseId, db.Interventions.Where(i => i.Id == request.Id), user.SeesTeamOnlyEntries(owner.TeamId), cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "Intervention", request.Id.ToString(), owner.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return found[0];
    }
}
