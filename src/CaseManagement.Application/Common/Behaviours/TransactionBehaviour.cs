namespace CaseManagement.Application.Common.Behaviours;

/// <summary>
/// Runs a command in one database transaction, so that it changes everything or nothing. The command's answer is kept
/// for its Idempotency-Key (if it has one) before the commit, so the work and its answer are committed together
/// (decision 0075).
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IApplicationDbContext db, IAnswerKeeper answers) : IPipelineBehavior<TRequest, TResponse>
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
            // A handler that writes in one save needs no transaction around its reads (decision 0068): it keeps its
            // answer itself, just before that save.
            await using var transaction = request is IWritesInOneSave ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var response = await next();

                // Still unkept here: a command that wrote in a transaction, or one that wrote nothing (it found the work of
                // an earlier send). The answer is saved in the transaction, or alone when there was no work to save.
                if (answers.Keep(response))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

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
                // one made. An Idempotency-Key is claimed again, so a send that lost the race on it is refused on it again.
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }

                db.ChangeTracker.Clear();
                answers.ClaimAgain();
            }
        }
    }
}
