namespace CaseManagement.Application.Work.Interventions.Commands.ChangeInterventionKind;

/// <summary>
/// A team manager renames one of the team's kinds of intervention, and retires it (no longer offered; the interventions
/// that used it keep it) or offers it again.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ChangeInterventionKind(Guid KindId, string? NameEnglish, string? NameWelsh, bool Retired) : ICommand<Unit>, IInterventionKindNames;

public sealed class ChangeInterventionKindHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ChangeInterventionKind, Unit>
{
    public async Task<Unit> Handle(ChangeInterventionKind request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var kind = await db.InterventionKinds.SingleOrDefaultAsync(k => k.Id == request.KindId && teamIds.Contains(k.TeamId), cancellationToken)
            ?? throw NotFoundException.For("Intervention kind", request.KindId);
        var existing = await db.InterventionKinds.Where(k => k.TeamId == kind.TeamId).ToListAsync(cancellationToken);
        kind.Rename(request.NameEnglish ?? string.Empty, request.NameWelsh ?? string.Empty, existing);
        if (request.Retired && !kind.IsRetired)
        {
            kind.Retire(clock.GetUtcNow().UtcDateTime);
        }
        else if (!request.Retired && kind.IsRetired)
        {
            kind.Restore();
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
