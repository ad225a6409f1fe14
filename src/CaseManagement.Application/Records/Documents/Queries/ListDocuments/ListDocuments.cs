using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Documents.Queries.ListDocuments;

/// <summary>The documents kept with one record the user sees, newest first; a team-only one only for the team and its uploader.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record ListDocuments(DocumentOwner? OwnerKind, Guid OwnerId) : IRequest<DocumentListDto>;

/// <summary>The documents of one record, with whether the reader may add to them.</summary>
/// <param name="ChildId">The child the record is about, when known.</param>
/// <param name="Items">The documents the reader may read, newest first.</param>
public sealed record DocumentListDto(Guid? ChildId, IReadOnlyList<DocumentDto> Items);

public sealed class ListDocumentsHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider clock) : IRequestHandler<ListDocuments, DocumentListDto>
{
    private static readonly Func<Document, DocumentDto> ToDto = DocumentDto.Projection.Compile();

    public async Task<DocumentListDto> Handle(ListDocuments request, CancellationToken cancellationToken)
    {
        var kind = request.OwnerKind!.Value;
        var owner = await db.OwnerVisibleToAsync(user, kind, request.OwnerId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var rows = await db.Documents.AsNoTracking().Where(d => d.OwnerKind == kind && d.OwnerId == owner.Id)
            .OrderByDescending(d => d.UploadedAtUtc)
            .Select(d => new { d.Sensitivity, d.TeamId, d.UploadedByUserId, Dto = d })
            .ToListAsync(cancellationToken);
        audit.Record(new AuditRecord(AuditAction.View, "Documents", $"{kind}:{owner.Id}", owner.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentListDto(owner.ChildId, rows.Where(r => user.Reads(r.Sensitivity, r.TeamId, r.UploadedByUserId)).Select(r => ToDto(r.Dto)).ToList());
    }
}
