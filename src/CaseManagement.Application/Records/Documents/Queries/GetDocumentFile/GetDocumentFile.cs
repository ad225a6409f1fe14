using CaseManagement.Domain.Audit;

namespace CaseManagement.Application.Records.Documents.Queries.GetDocumentFile;

/// <summary>A document's content, for whoever may read it; anyone else is told it does not exist. Every read is audited.</summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record GetDocumentFile(Guid Id) : IRequest<DocumentFile>;

/// <summary>The bytes of a document with the cleaned name and the type its content is.</summary>
public sealed record DocumentFile(string FileName, string ContentType, byte[] Content);

public sealed class GetDocumentFileHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, IDocumentStore store, TimeProvider clock) : IRequestHandler<GetDocumentFile, DocumentFile>
{
    public async Task<DocumentFile> Handle(GetDocumentFile request, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == request.Id, cancellationToken)
            ?? throw NotFoundException.For("Document", request.Id);
        try
        {
            await db.OwnerVisibleToAsync(user, document.OwnerKind, document.OwnerId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (NotFoundException)
        {
            // The same answer as for a document that does not exist: an outsider learns nothing of the record.
            throw NotFoundException.For("Document", request.Id);
        }

        if (!user.Reads(document.Sensitivity, document.TeamId, document.UploadedByUserId))
        {
            throw NotFoundException.For("Document", request.Id);
        }

        var content = await store.ReadAsync(document.StorageKey, cancellationToken) ?? throw NotFoundException.For("Document", request.Id);
        audit.Record(new AuditRecord(AuditAction.View, "Document", document.Id.ToString(), document.ChildId));
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentFile(document.FileName, document.ContentType, content);
    }
}
