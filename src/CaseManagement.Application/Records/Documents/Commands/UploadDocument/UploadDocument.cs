using System.Security.Cryptography;
using CaseManagement.Application.Records.Documents.Queries;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Documents.Commands.UploadDocument;

/// <summary>
/// Keeps a file with a child, referral, case, assessment or contact the user sees (a partner system, with a referral it
/// sent). The content decides the type (<see cref="FileTypes"/>); the name is cleaned; each registered
/// <see cref="IUploadScanner"/> must find it clean. The upload is in the audit trail as a change to the child's record.
/// </summary>
[Authorize(Roles.CaseManager, Roles.TeamManager, Roles.SecondedPractitioner, Roles.Referrer, Roles.PartnerSystem)]
public sealed record UploadDocument(DocumentOwner? OwnerKind, Guid OwnerId, string? Title, DocumentCategory? Category, DocumentSensitivity? Sensitivity, string? FileName, byte[]? File) : ICommand<DocumentDto>
{
    /// <summary>The largest file kept: 20 MB, room for a scanned report of many pages.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;
}

public sealed class UploadDocumentHandler(IApplicationDbContext db, ICurrentUser user, IDocumentStore store, IEnumerable<IUploadScanner> scanners, TimeProvider clock) : IRequestHandler<UploadDocument, DocumentDto>
{
    private static readonly Func<Document, DocumentDto> ToDto = DocumentDto.Projection.Compile();

    public async Task<DocumentDto> Handle(UploadDocument request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var owner = await db.OwnerVisibleToAsync(user, request.OwnerKind!.Value, request.OwnerId, now, cancellationToken);
        var content = request.File!;
        var (contentType, extension) = FileTypes.Identify(content) ?? throw new DomainRuleException(UploadDocumentValidator.WrongType, nameof(UploadDocument.File));
        var name = FileTypes.CleanName(request.FileName, extension);
        foreach (var scanner in scanners)
        {
            if (!(await scanner.ScanAsync(content, name, cancellationToken)).IsClean)
            {
                throw new DomainRuleException("The virus scanner refused the file. Do not upload it again; tell your IT service.", nameof(UploadDocument.File));
            }
        }

        var file = new DetectedFile(name, contentType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));
        var key = await store.SaveAsync(content, cancellationToken);
        try
        {
            var document = Document.Upload(owner, request.Title!, request.Category!.Value, request.Sensitivity ?? DocumentSensitivity.EveryoneOnTheRecord, file, key, now, user.UserId);
            db.Documents.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            return ToDto(document);
        }
        catch
        {
            // Nothing refers to the bytes when the row was not saved: a folder store would otherwise keep them for ever.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
    }
}
