using CaseManagement.Application.Cases;
using CaseManagement.Application.Work.Needs;

namespace CaseManagement.Application.Work.Interventions.Queries.GetInterventionChoices;

/// <summary>What an intervention of the case can be: the kinds its team offers now, the agencies, the goals of the child's plan and the needs its assessment recorded.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner)]
public sealed record GetInterventionChoices(Guid CaseId) : IRequest<InterventionChoicesDto?>;

/// <summary>What an intervention may be recorded with on this case: kinds, agencies, goals and assessed needs.</summary>
public sealed record InterventionChoicesDto(IReadOnlyList<InterventionKindDto> Kinds, IReadOnlyList<ChoiceDto> Agencies, IReadOnlyList<ChoiceDto> Goals, IReadOnlyList<AssessedNeedDto> Needs);

public sealed record ChoiceDto(Guid Id, string Name);

public sealed class GetInterventionChoicesHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<GetInterventionChoices, InterventionChoicesDto?>
{
    public async Task<InterventionChoicesDto?> Handle(GetInterventionChoices request, CancellationToken cancellationToken)
    {
        var found = await db.Cases.VisibleTo(user, db.CaseMembers).Where(c => c.Id == request.CaseId).Select(c => new { c.Id, c.TeamId }).SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var kinds = await db.InterventionKinds.Where(k => k.TeamId == found.TeamId && k.RetiredAtUtc == null).OrderBy(k => k.SortOrder)
            .Select(InterventionKindDto.Projection).ToListAsync(cancellationToken);
        var agencies = await db.Agencies.OrderBy(a => a.Name).Select(a => new ChoiceDto(a.Id, a.Name)).ToListAsync(cancellationToken);
        var goals = await db.Goals.Where(g => g.CaseId == found.Id).OrderBy(g => g.CreatedAtUtc).Select(g => new ChoiceDto(g.Id, g.Description)).ToListAsync(cancellationToken);
        var (_, needs) = await db.LatestAsync(found.Id, cancellationToken);
        return new InterventionChoicesDto(kinds, agencies, goals, needs.SeenBy(user.SeesTeamOnlyEntries(found.TeamId)).Select(n => n.ToDto()).ToList());
    }
}
