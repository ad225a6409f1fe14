using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries.VerifyAudit;

/// <summary>
/// Checks the hash chain of the whole trail against the audit keys and the latest checkpoint, and, when it is intact,
/// records a signed checkpoint of its end (outside the database) for the next check to compare with.
/// </summary>
[Authorize(Roles.Auditor)]
public sealed record VerifyAudit : IRequest<AuditVerification>;

public sealed class VerifyAuditHandler(IApplicationDbContext db, AuditKeyring keyring, IAuditCheckpoints checkpoints, TimeProvider clock) : IRequestHandler<VerifyAudit, AuditVerification>
{
    public async Task<AuditVerification> Handle(VerifyAudit request, CancellationToken cancellationToken)
    {
        var latest = checkpoints.Latest();
        var now = clock.GetUtcNow().UtcDateTime;

        // The entries waiting to be sealed are counted first: one sealed while the chain is read is then in the chain
        // read, or still counted, never neither (decision 0085).
        var waiting = await db.UnsealedAuditEntries.LongCountAsync(cancellationToken);
        var oldest = waiting == 0 ? null : await db.UnsealedAuditEntries.MinAsync(e => (DateTime?)e.OccurredAtUtc, cancellationToken);
        var chain = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable(), keyring, latest);
        var setAside = await db.SetAsideAuditEntries.LongCountAsync(cancellationToken);
        var setAsideIds = setAside == 0 ? [] : await db.SetAsideAuditEntries.OrderBy(e => e.Id).Select(e => e.WaitingId).Take(10).ToListAsync(cancellationToken);
        var result = AuditChain.WithSetAside(AuditChain.WithWaiting(chain, waiting, oldest, now), setAside, setAsideIds);
        if (!chain.IsIntact || result.LastSequence is not { } last)
        {
            return result;
        }

        // Nothing was written since the latest checkpoint: it already names this end.
        if (latest is not null && latest.Sequence == last)
        {
            return result with { Checkpoint = latest.ToString() };
        }

        // The sealed end is checked and signed even while entries wait too long: the finding is theirs, not the chain's.
        var checkpoint = AuditCheckpoint.Sign(keyring.Current, last, result.LastHash!, now);
        checkpoints.Record(checkpoint);
        return result with { Checkpoint = checkpoint.ToString() };
    }
}
