using System.Linq.Expressions;
using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries;

public sealed record AuditEntryDto
{
    /// <summary>Reads an entry in the database; <see cref="WithheldFields"/> is for <see cref="ForAuditor"/> to fill.</summary>
    public static Expression<Func<AuditEntry, AuditEntryDto>> Projection { get; } = e => new AuditEntryDto
    {
        Sequence = e.Sequence,
        OccurredAtUtc = e.OccurredAtUtc,
        UserId = e.UserId,
        UserName = e.UserName,
        Action = e.Action,
        EntityType = e.EntityType,
        EntityId = e.EntityId,
        ChildId = e.ChildId,
        Changes = e.Changes,
        IpAddress = e.IpAddress,
        Reason = e.Reason,
    };

    public long Sequence { get; init; }

    public DateTime OccurredAtUtc { get; init; }

    public Guid? UserId { get; init; }

    public string UserName { get; init; } = string.Empty;

    public AuditAction Action { get; init; }

    public string EntityType { get; init; } = string.Empty;

    public string EntityId { get; init; } = string.Empty;

    public Guid? ChildId { get; init; }

    /// <summary>A JSON object of field → [before, after]; a value the reader may not see reads "(withheld)".</summary>
    public string? Changes { get; init; }

    /// <summary>The changed fields whose values are withheld from the reader: the values of a child's record.</summary>
    public IReadOnlyList<string> WithheldFields { get; init; } = [];

    public string? IpAddress { get; init; }

    public string? Reason { get; init; }

    /// <summary>The entry as an auditor reads it: which fields changed, without the values of a child's record.</summary>
    public AuditEntryDto ForAuditor()
    {
        var (changes, withheld) = AuditDisclosure.Apply(EntityType, Changes);
        return this with { Changes = changes, WithheldFields = withheld };
    }
}
