namespace CaseManagement.Application.Organisation.Queries.ListTeamChoices;

/// <summary>The teams a referral can go to, by name. Public: the self-referral form asks which area the child lives in.</summary>
[AllowAnonymous]
public sealed record ListTeamChoices : IRequest<IReadOnlyList<TeamChoice>>;

/// <summary>A team to refer to: its name and nothing else.</summary>
public sealed record TeamChoice(Guid Id, string Name);

public sealed class ListTeamChoicesHandler(IApplicationDbContext db) : IRequestHandler<ListTeamChoices, IReadOnlyList<TeamChoice>>
{
    public async Task<IReadOnlyList<TeamChoice>> Handle(ListTeamChoices request, CancellationToken cancellationToken) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamChoice(t.Id, t.Name)).ToListAsync(cancellationToken);
}
