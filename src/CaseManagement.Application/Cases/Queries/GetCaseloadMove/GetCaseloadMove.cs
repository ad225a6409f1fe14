using CaseManagement.Domain.Cases;

namespace CaseManagement.Application.Cases.Queries.GetCaseloadMove;

/// <summary>What the "move a caseload" page needs: whose cases, how many, and who can take them.</summary>
[Authorize(Roles.TeamManager)]
public sealed record GetCaseloadMove(Guid FromUserId) : IRequest<CaseloadMoveDto?>;

public sealed record CaseloadMoveDto(Guid FromUserId, string? FromName, int OpenCases, IReadOnlyList<Queries.PersonRef> CaseManagers);

public sealed class GetCaseloadMoveHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users) : IRequestHandler<GetCaseloadMove, CaseloadMoveDto?>
{
    public async Task<CaseloadMoveDto?> Handle(GetCaseloadMove request, CancellationToken cancellationToken)
    {
        var open = await db.Cases.AsNoTracking().OfTeams(user.TeamIds)
            .CountAsync(c => c.Status == CaseStatus.Open && c.CaseManagerUserId == request.FromUserId, cancellationToken);
        var everyone = await users.ListAsync(cancellationToken);
        var from = everyone.FirstOrDefault(u => u.Id == request.FromUserId);
        if (from is null)
        {
            return null;
        }

        var active = everyone.ActiveCaseHolders(user.TeamIds);
        var choices = everyone.Where(u => active.Contains(u.Id) && u.Id != request.FromUserId)
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture)
            .Select(u => new Queries.PersonRef(u.Id, u.DisplayName)).ToList();
        return new CaseloadMoveDto(from.Id, from.DisplayName, open, choices);
    }
}
