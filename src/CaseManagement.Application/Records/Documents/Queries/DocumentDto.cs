using System.Linq.Expressions;
using CaseManagement.Domain.Records;

namespace CaseManagement.Application.Records.Documents.Queries;

/// <summary>A document kept with a record: what it is, not its content (read that from its content address).</summary>
public sealed record DocumentDto
{
    public static Expression<Func<Document, DocumentDto>> Projection { get; } = d => new DocumentDto
    {
        Id = d.Id,
        OwnerKind = d.OwnerKind,
        OwnerId = d.OwnerId,
        Title = d.Title,
        Category = d.Category,
        Sensitivity = d.Sensitivity,
        FileName = d.FileName,
        ContentType = d.ContentType,
        Length = d.Length,
        UploadedAtUtc = d.UploadedAtUtc,
    };

    /// <summary>The document's id; its content is at /api/v1/documents/{id}/content.</summary>
    public Guid Id { get; init; }

    /// <summary>The kind of record the document is kept with.</summary>
    public DocumentOwner OwnerKind { get; init; }

    /// <summary>The id of the record the document is kept with.</summary>
    public Guid OwnerId { get; init; }

    /// <summary>What the document is, as the uploader called it.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The kind of document.</summary>
    public DocumentCategory Category { get; init; }

    /// <summary>Who reads it: everyone who sees the record, or the owning team only.</summary>
    public DocumentSensitivity Sensitivity { get; init; }

    /// <summary>The file's name, cleaned, ending in the extension of its real type.</summary>
    public string FileName { get; init; } = string.Empty;

    /// <summary>The type found in the content.</summary>
    public string ContentType { get; init; } = string.Empty;

    /// <summary>The size in bytes.</summary>
    public long Length { get; init; }

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime UploadedAtUtc { get; init; }
}
