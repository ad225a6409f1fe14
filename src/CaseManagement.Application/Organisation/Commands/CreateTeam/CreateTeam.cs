using CaseManagement.Domain.Organisation;

namespace CaseManagement.Application.Organisation.Commands.CreateTeam;

/// <summary>A new team of an agency. Answers its id.</summary>
[Authorize(Roles.Administrator)]
public sealed record CreateTeam : ICommand<Guid>
{
    public string Name { get; init; } = string.Empty;

    public Guid AgencyId { get; init; }
}

public sealed class CreateTeamHandler(IApplicationDbContext db) : IRequestHandler<CreateTeam, Guid>
{
    public async Task<Guid> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var team = Team.Create(request.Name, request.AgencyId);
        db.Teams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return team.Id;
    }
}
