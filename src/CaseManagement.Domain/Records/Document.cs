namespace CaseManagement.Domain.Records;

/// <summary>The kind of record a document is kept with; need to know and the audit trail follow that record.</summary>
public enum DocumentOwner
{
    Child,
    Referral,
    Case,
    Assessment,
    Contact,
}

public enum DocumentCategory
{
    ConsentForm,
    PoliceReport,
    SchoolReport,
    DevelopmentPlan,
    Letter,
    Other,
}

/// <summary>Who reads a document besides whoever uploaded it: everyone who sees its record, or the owning team only.</summary>
public enum DocumentSensitivity
{
    EveryoneOnTheRecord,
    TeamOnly,
}

/// <summary>
/// A file kept with a child's record (a consent form, a police or school report, a letter). Its bytes live in the
/// document store under <see cref="StorageKey"/>, never under the web root; the row holds what the lists show and
/// what need to know asks of it. The name is cleaned and the type is what the content is, whatever the name says.
/// </summary>
public sealed class Document : Entity
{
    public const int TitleMaxLength = 200;

    public const int FileNameMaxLength = 120;

    private Document(Guid id)
        : base(id)
    {
        Title = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        StorageKey = string.Empty;
    }

    public DocumentOwner OwnerKind { get; private set; }

    public Guid OwnerId { get; private set; }

    /// <summary>The child the record is about; null for a referral not yet linked to a child.</summary>
    public Guid? ChildId { get; private set; }

    /// <summary>The team whose record it is: the team of the child, referral or case.</summary>
    public Guid TeamId { get; private set; }

    public string Title { get; private set; }

    public DocumentCategory Category { get; private set; }

    public DocumentSensitivity Sensitivity { get; private set; }

    /// <summary>The uploaded name, cleaned of folders and characters a file system or a browser would read.</summary>
    public string FileName { get; private set; }

    /// <summary>The type found in the content (never the one the uploader claimed).</summary>
    public string ContentType { get; private set; }

    public long Length { get; private set; }

    /// <summary>The SHA-256 of the content, hex: shows the file read back is the one stored.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Where the store keeps the bytes; the store's own name, never built from the uploaded name.</summary>
    public string StorageKey { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    public Guid? UploadedByUserId { get; private set; }

    public static Document Upload(DocumentOwnerRecord owner, string title, DocumentCategory category, DocumentSensitivity sensitivity, DetectedFile file, string storageKey, DateTime nowUtc, Guid? byUserId)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(file);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainRuleException("Enter a title for the document.", "Title");
        }

        return new Document(Guid.NewGuid())
        {
            OwnerKind = owner.Kind,
            OwnerId = owner.Id,
            ChildId = owner.ChildId,
            TeamId = owner.TeamId,
            Title = title.Trim(),
            Category = category,
            Sensitivity = sensitivity,
            FileName = file.FileName,
            ContentType = file.ContentType,
            Length = file.Length,
            Sha256 = file.Sha256,
            StorageKey = storageKey,
            UploadedAtUtc = nowUtc,
            UploadedByUserId = byUserId,
        };
    }
}

/// <summary>The record a document is kept with, as need to know found it.</summary>
public sealed record DocumentOwnerRecord(DocumentOwner Kind, Guid Id, Guid? ChildId, Guid TeamId);

/// <summary>An upload once its content has been checked: its cleaned name, its real type, its length and digest.</summary>
public sealed record DetectedFile(string FileName, string ContentType, long Length, string Sha256);

/// <summary>The bytes of a document kept in the database (the database store), apart from the row the lists read.</summary>
public sealed class DocumentContent
{
    public DocumentContent(string key, byte[] content)
    {
        Key = key;
        Content = content;
    }

    public string Key { get; private set; }

#pragma warning disable CA1819 // The bytes of a file: read and written whole, never changed in place.
    public byte[] Content { get; private set; }
#pragma warning restore CA1819
}
