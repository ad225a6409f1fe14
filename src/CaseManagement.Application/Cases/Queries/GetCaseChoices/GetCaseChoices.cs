using CaseManagement.Domain.Cases;
using CaseManagement.Domain.Referrals;

namespace CaseManagement.Application.Cases.Queries.GetCaseChoices;

/// <summary>Who a case can be allocated to (the case managers and managers of its team) and which seconded practitioners can join it.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager)]
public sealed record GetCaseChoices(Guid CaseId) : IRequest<CaseChoicesDto?>;

public sealed record CaseChoicesDto(IReadOnlyList<PersonRef> CaseManagers, IReadOnlyList<PersonRef> Practitioners);

public sealed class GetCaseChoicesHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users) : IRequestHandler<GetCaseChoices, CaseChoicesDto?>
{
    public async Task<CaseChoicesDto?> Handle(GetCaseChoices request, CancellationToken cancellationToken)
    {
        var teamIds = user.TeamIds.ToList();
        var teamId = await db.Cases.Where(c => c.Id == request.CaseId && teamIds.Contains(c.TeamId)).Select(c => (Guid?)c.TeamId).SingleOrDefaultAsync(cancellationToken);
        if (teamId is null)
        {
            return null;
        }

        var everyone = await users.ListAsync(cancellationToken);
        var active = everyone.Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ToList();
        return new CaseChoicesDto(
            active.Where(u => u.TeamIds.Contains(teamId.Value) && Roles.TeamCaseRoles.Any(u.Roles.Contains)).Select(u => new PersonRef(u.Id, u.DisplayName)).ToList(),
            active.Where(u => u.Roles.Contains(Roles.SecondedPractitioner)).Select(u => new PersonRef(u.Id, u.DisplayName)).ToList());
    }
}
