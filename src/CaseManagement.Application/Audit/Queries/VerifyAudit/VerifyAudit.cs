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
    public Task<AuditVerification> Handle(VerifyAudit request, CancellationToken cancellationToken)
    {
        var latest = checkpoints.Latest();
        var result = AuditChain.Verify(db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsEnumerable(), keyring, latest);
        if (!result.IsIntact || result.LastSequence is not { } last)
        {
            return Task.FromResult(result);
        }

        // Nothing was written since the latest checkpoint: it already names this end.
        if (latest is not null && latest.Sequence == last)
        {
            return Task.FromResult(result with { Checkpoint = latest.ToString() });
        }

        var checkpoint = AuditCheckpoint.Sign(keyring.Current, last, result.LastHash!, clock.GetUtcNow().UtcDateTime);
        checkpoints.Record(checkpoint);
        return Task.FromResult(result with { Checkpoint = checkpoint.ToString() });
    }
}
