namespace CaseManagement.Application.Work.Interventions.Queries.ListInterventionKinds;

/// <summary>The team's list of kinds of intervention, retired ones included, in the list's order (for its manager).</summary>
[Authorize(Roles.TeamManager)]
public sealed record ListInterventionKinds(Guid? TeamId = null) : IRequest<IReadOnlyList<InterventionKindDto>>;

public sealed class ListInterventionKindsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<ListInterventionKinds, IReadOnlyList<InterventionKindDto>>
{
    public async Task<IReadOnlyList<InterventionKindDto>> Handle(ListInterventionKinds request, CancellationToken cancellationToken)
    {
        var teamId = TeamKinds.TeamOf(user, request.TeamId);
        return await db.InterventionKinds.Where(k => k.TeamId == teamId).OrderBy(k => k.SortOrder).Select(InterventionKindDto.Projection).ToListAsync(cancellationToken);
    }
}
