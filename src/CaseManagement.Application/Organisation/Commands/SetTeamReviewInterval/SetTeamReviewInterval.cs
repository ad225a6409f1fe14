namespace CaseManagement.Application.Organisation.Commands.SetTeamReviewInterval;

/// <summary>How often the team reviews each child's plan, in weeks; a case allocated from now on takes its first review date from it.</summary>
[Authorize(Roles.Administrator)]
public sealed record SetTeamReviewInterval(Guid TeamId, int Weeks) : ICommand<Unit>;

public sealed class SetTeamReviewIntervalHandler(IApplicationDbContext db) : IRequestHandler<SetTeamReviewInterval, Unit>
{
    public async Task<Unit> Handle(SetTeamReviewInterval request, CancellationToken cancellationToken)
    {
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == request.TeamId, cancellationToken) ?? throw NotFoundException.For("Team", request.TeamId);
        team.SetReviewInterval(request.Weeks * 7);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
