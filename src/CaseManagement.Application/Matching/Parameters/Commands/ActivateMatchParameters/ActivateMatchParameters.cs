using CaseManagement.Domain.Matching;

namespace CaseManagement.Application.Matching.Parameters.Commands.ActivateMatchParameters;

/// <summary>Puts a proposed set of weights in use at intake; the set in use before is retired and kept.</summary>
/// <param name="SetId">The proposed set.</param>
[Authorize(Roles.Administrator)]
public sealed record ActivateMatchParameters(Guid SetId) : IRequest<Unit>;

internal sealed class ActivateMatchParametersHandler(IApplicationDbContext db, ActiveMatchParameters active, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<ActivateMatchParameters, Unit>
{
    public async Task<Unit> Handle(ActivateMatchParameters request, CancellationToken cancellationToken)
    {
        var set = await db.MatchParameterSets.SingleOrDefaultAsync(s => s.Id == request.SetId, cancellationToken)
            ?? throw NotFoundException.For("Matching weights", request.SetId);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var current in await db.MatchParameterSets.Where(s => s.State == MatchParameterState.Active).ToListAsync(cancellationToken))
        {
            current.Retire(now);
        }

        set.Activate(now, user.UserId);

        // One save: the old set retired and the new one active together, or neither. Not a pipeline transaction, so that
        // the copy intake holds is refreshed after the change is committed, never before.
        await db.SaveChangesAsync(cancellationToken);
        active.Refresh();
        return Unit.Value;
    }
}
