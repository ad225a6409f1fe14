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
        var found = await InterventionDto.ReadAsync(db, db.Interventions.Where(i => i.Id == request.Id && cases.Any(c => c.Id == i.CaseId)), cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        var childId = await db.Interventions.Where(i => i.Id == request.Id).Select(i => i.ChildId).SingleAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "Intervention", request.Id.ToString(), childId));
        await db.SaveChangesAsync(cancellationToken);
        return found[0];
    }
}
