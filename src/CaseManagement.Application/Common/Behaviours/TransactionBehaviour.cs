namespace CaseManagement.Application.Common.Behaviours;

/// <summary>Runs a command in one database transaction, so that it changes everything or nothing.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IApplicationDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommandMarker || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        for (var attempt = 1; ; attempt++)
        {
            // A handler that writes in one save needs no transaction around its reads (decision 0068).
            await using var transaction = request is IWritesInOneSave ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var response = await next();
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return response;
            }
            catch (DbUpdateConcurrencyException e)
            {
                // Two people changed the same record at once: the second is told, and nothing of theirs is half-saved.
                throw new Domain.Common.DomainRuleException("Someone else changed this record at the same time. Reload the page and try again.", e);
            }
            catch (DbUpdateException) when (attempt == 1 && request is IRunsAgainAfterALostRace)
            {
                // The same submission sent twice at once (a double press), or two first changes to one plan: this send lost
                // the race on the key. Nothing of it is kept; run it again as a later send would, and it finds what the first
                // one made.
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }

                db.ChangeTracker.Clear();
            }
        }
    }
}
