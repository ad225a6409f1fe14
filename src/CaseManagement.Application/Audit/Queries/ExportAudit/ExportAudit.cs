using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Audit.Queries.ExportAudit;

/// <summary>Every entry that matches the filters, oldest first, for a CSV download; the export is itself audited.</summary>
[Authorize(Roles.Auditor)]
public sealed record ExportAudit(AuditFilter Filter) : IRequest<IReadOnlyList<AuditEntryDto>>;

public sealed class ExportAuditHandler(IApplicationDbContext db, IAuditTrail audit) : IRequestHandler<ExportAudit, IReadOnlyList<AuditEntryDto>>
{
    public const int MaxRows = 100_000;

    public async Task<IReadOnlyList<AuditEntryDto>> Handle(ExportAudit request, CancellationToken cancellationToken)
    {
        var rows = await request.Filter.Apply(db.AuditEntries)
            .OrderBy(e => e.Sequence)
            .Take(MaxRows)
            .Select(AuditEntryDto.Projection)
            .ToListAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.Export, "AuditTrail", "csv", request.Filter.ChildId, Changes: null, Reason: $"{rows.Count} rows"));
        await db.SaveChangesAsync(cancellationToken);
        return rows.Select(e => e.ForAuditor()).ToList();
    }
}
