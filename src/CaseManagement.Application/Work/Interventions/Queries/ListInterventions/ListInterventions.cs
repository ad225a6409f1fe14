namespace CaseManagement.Application.Work.Interventions.Queries.ListInterventions;

/// <summary>The interventions of a case, oldest first; null when the user does not see the case. The view is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record ListInterventions(Guid CaseId) : IRequest<CaseInterventionsDto?>;

/// <summary>The case's interventions, with the case they belong to.</summary>
public sealed record CaseInterventionsDto(CaseWorkHeader Case, IReadOnlyList<InterventionDto> Interventions);

public sealed class ListInterventionsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListInterventions, CaseInterventionsDto?>
{
    public async Task<CaseInterventionsDto?> Handle(ListInterventions request, CancellationToken cancellationToken)
    {
        if (await CaseWorkHeader.ReadAsync(db, user, audit, request.CaseId, "Interventions", cancellationToken) is not { } header)
        {
            return null;
        }

        var interventions = await InterventionDto.ReadAsync(db, header.CaseId, db.Interventions, header.SeesWholeRecord, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseInterventionsDto(header, interventions);
    }
}
