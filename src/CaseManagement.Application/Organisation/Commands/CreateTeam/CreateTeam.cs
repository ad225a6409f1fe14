using CaseManagement.Domain.Organisation;
using CaseManagement.Domain.Work;

namespace CaseManagement.Application.Organisation.Commands.CreateTeam;

/// <summary>A new team of an agency, with the standard kinds of intervention. Answers its id.</summary>
[Authorize(Roles.Administrator)]
public sealed record CreateTeam : ICommand<Guid>
{
    public string Name { get; init; } = string.Empty;

    public Guid AgencyId { get; init; }
}

public sealed class CreateTeamHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<CreateTeam, Guid>
{
    public async Task<Guid> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var team = Team.Create(request.Name, request.AgencyId);
        db.Teams.Add(team);

        // Every team starts with the standard kinds of intervention; its manager makes the list its own.
        db.InterventionKinds.AddRange(InterventionKind.StandardFor(team.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return team.Id;
    }
}
