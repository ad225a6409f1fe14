namespace CaseManagement.Application.Records.SubjectAccess.Queries.GetSubjectAccessRequest;

/// <summary>One subject access request with its steps so far, for the managers of the child's team.</summary>
[Authorize(Roles.TeamManager)]
public sealed record GetSubjectAccessRequest(Guid RequestId) : IRequest<SubjectAccessStepsDto>;

/// <summary>A subject access request and where it has got to.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="ChildId">The child it is about.</param>
/// <param name="ChildName">The child's name.</param>
/// <param name="ReceivedOn">The day it was received.</param>
/// <param name="DueOn">The day it must be answered by (one calendar month after receipt).</param>
/// <param name="IsOverdue">Open past its deadline.</param>
/// <param name="Redactions">The words marked for redaction, one a line.</param>
/// <param name="ReleasedAtUtc">When the answer was released; null while open.</param>
/// <param name="ReleasedBy">Who released it.</param>
public sealed record SubjectAccessStepsDto(Guid Id, Guid ChildId, string ChildName, DateOnly ReceivedOn, DateOnly DueOn, bool IsOverdue, string? Redactions, DateTime? ReleasedAtUtc, string? ReleasedBy);

public sealed class GetSubjectAccessRequestHandler(IApplicationDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock) : IRequestHandler<GetSubjectAccessRequest, SubjectAccessStepsDto>
{
    public async Task<SubjectAccessStepsDto> Handle(GetSubjectAccessRequest request, CancellationToken cancellationToken)
    {
        var found = await db.RequestForTeamAsync(user, request.RequestId, cancellationToken);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == found.ChildId).Select(c => new { c.GivenName, c.FamilyName }).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var releasedBy = found.ReleasedByUserId is { } by ? (await users.FindAsync(by, cancellationToken))?.DisplayName : null;
        return new SubjectAccessStepsDto(
            found.Id, found.ChildId, $"{child.GivenName} {child.FamilyName}", found.ReceivedOn, found.DueOn, found.ReleasedAtUtc is null && found.DueOn < today,
            found.Redactions, found.ReleasedAtUtc, releasedBy);
    }
}
