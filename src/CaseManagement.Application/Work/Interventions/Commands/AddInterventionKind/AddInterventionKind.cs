using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Work.Interventions.Commands.AddInterventionKind;

/// <summary>A team manager adds a kind of intervention to the team's list, named in English and Welsh. Answers its id.</summary>
[Authorize(Roles.TeamManager)]
public sealed record AddInterventionKind(string? NameEnglish, string? NameWelsh, Guid? TeamId = null) : ICommand<Guid>, IInterventionKindNames;

public sealed class AddInterventionKindHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<AddInterventionKind, Guid>
{
    public async Task<Guid> Handle(AddInterventionKind request, CancellationToken cancellationToken)
    {
        var teamId = TeamKinds.TeamOf(user, request.TeamId);
        var existing = await db.InterventionKinds.Where(k => k.TeamId == teamId).ToListAsync(cancellationToken);
        var kind = InterventionKind.Add(teamId, request.NameEnglish ?? string.Empty, request.NameWelsh ?? string.Empty, existing, clock.GetUtcNow().UtcDateTime);
        db.InterventionKinds.Add(kind);
        await db.SaveChangesAsync(cancellationToken);
        return kind.Id;
    }
}
