namespace CaseManagement.Application.Matching.Parameters.Commands.DiscardMatchParameters;

/// <summary>Turns a proposed set of weights down; it is kept for the record and the weights in use stay.</summary>
/// <param name="SetId">The proposed set.</param>
[Authorize(Roles.Administrator)]
public sealed record DiscardMatchParameters(Guid SetId) : ICommand<Unit>;

internal sealed class DiscardMatchParametersHandler(IApplicationDbContext db, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<DiscardMatchParameters, Unit>
{
    public async Task<Unit> Handle(DiscardMatchParameters request, CancellationToken cancellationToken)
    {
        var set = await db.MatchParameterSets.SingleOrDefaultAsync(s => s.Id == request.SetId, cancellationToken)
            ?? throw NotFoundException.For("Matching weights", request.SetId);
        set.Discard(clock.GetUtcNow().UtcDateTime, user.UserId);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
