namespace CaseManagement.Application.Records.Documents;

/// <summary>
/// Where the bytes of documents are kept: in the database, or in a configured folder (never under the web root;
/// decision 0050). A key is the store's own name for the bytes, never made from what the uploader called the file.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Keeps the bytes and answers their key. The database store writes them with the request's next save.</summary>
    Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken);

    /// <summary>The bytes kept under <paramref name="key"/>; null when they are gone.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Destroys the bytes kept under <paramref name="key"/>; nothing when they are already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>What a virus scanner says of one upload.</summary>
public sealed record ScanVerdict(bool IsClean, string? Finding = null);

/// <summary>
/// A hook to pass each upload to a virus scanner before it is kept (none is bundled): register an implementation (for
/// example one that streams the bytes to clamd's INSTREAM command; docs/operations.md, "Scanning uploads") and every
/// upload is refused unless each registered scanner finds it clean.
/// </summary>
public interface IUploadScanner
{
    Task<ScanVerdict> ScanAsync(byte[] content, string fileName, CancellationToken cancellationToken);
}
