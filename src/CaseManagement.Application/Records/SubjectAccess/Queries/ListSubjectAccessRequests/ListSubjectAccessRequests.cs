namespace CaseManagement.Application.Records.SubjectAccess.Queries.ListSubjectAccessRequests;

/// <summary>
/// Every subject access request with its deadline and whether it was answered, oldest deadline first: for
/// administrators (ids and dates only, no child's details) and for team managers (their teams').
/// </summary>
[Authorize(Roles.Administrator, Roles.TeamManager)]
public sealed record ListSubjectAccessRequests : IRequest<IReadOnlyList<SubjectAccessRequestDto>>;

/// <summary>A subject access request and its deadline.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="ChildId">The child it is about.</param>
/// <param name="ReceivedOn">The day it was received.</param>
/// <param name="DueOn">The day it must be answered by (one month after receipt).</param>
/// <param name="ReleasedAtUtc">When the export was released; null while open.</param>
/// <param name="IsOverdue">Open past its deadline.</param>
public sealed record SubjectAccessRequestDto(Guid Id, Guid ChildId, DateOnly ReceivedOn, DateOnly DueOn, DateTime? ReleasedAtUtc, bool IsOverdue);

public sealed class ListSubjectAccessRequestsHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<ListSubjectAccessRequests, IReadOnlyList<SubjectAccessRequestDto>>
{
    public async Task<IReadOnlyList<SubjectAccessRequestDto>> Handle(ListSubjectAccessRequests request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var teams = user.TeamIds.ToList();
        var all = user.IsInRole(Roles.Administrator);
        return await db.SubjectAccessRequests.AsNoTracking()
            .Where(r => all || teams.Contains(r.TeamId))
            .OrderBy(r => r.ReleasedAtUtc != null).ThenBy(r => r.DueOn)
            .Select(r => new SubjectAccessRequestDto(r.Id, r.ChildId, r.ReceivedOn, r.DueOn, r.ReleasedAtUtc, r.ReleasedAtUtc == null && r.DueOn < today))
            .ToListAsync(cancellationToken);
    }
}
