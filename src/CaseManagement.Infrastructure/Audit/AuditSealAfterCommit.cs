using System.Data.Common;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CaseManagement.Infrastructure.Audit;

/// <summary>
/// Seals a save's entries straight after the transaction they were written in commits (decision 0085), whether the save
/// began it or a command's <c>TransactionBehaviour</c> did; a rolled-back transaction wrote nothing to seal.
/// </summary>
internal sealed class AuditSealAfterCommit : DbTransactionInterceptor
{
    public static readonly AuditSealAfterCommit Instance = new();

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is AppDbContext { WroteUnsealedAudit: true } db)
        {
            await db.SealAfterCommitAsync();
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData?.Context is AppDbContext { WroteUnsealedAudit: true } db)
        {
            db.SealAfterCommitAsync().GetAwaiter().GetResult();
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData?.Context is AppDbContext db)
        {
            db.WroteUnsealedAudit = false;
        }
    }
}
