namespace CaseManagement.Application.Records.SubjectAccess.Commands.MarkRedactions;

/// <summary>Marks what must be redacted before release: other people's names and details, one a line. Replaces earlier marks.</summary>
[Authorize(Roles.TeamManager)]
public sealed record MarkRedactions(Guid RequestId, string? Words) : ICommand<Unit>;

public sealed class MarkRedactionsHandler(IApplicationDbContext db, ICurrentUser user) : IRequestHandler<MarkRedactions, Unit>
{
    public async Task<Unit> Handle(MarkRedactions request, CancellationToken cancellationToken)
    {
        var found = await db.RequestForTeamAsync(user, request.RequestId, cancellationToken);
        found.MarkRedactions(request.Words);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
