using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Common.Interfaces;

/// <summary>
/// The signed checkpoints of the audit trail's end, kept outside the database (a file beside the keys), so that
/// entries removed from the end of the trail are found at the next check.
/// </summary>
public interface IAuditCheckpoints
{
    /// <summary>The checkpoint furthest along the trail, or null before the first check.</summary>
    AuditCheckpoint? Latest();

    void Record(AuditCheckpoint checkpoint);
}
