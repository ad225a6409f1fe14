using CaseManagement.Application.Records.Documents;
using CaseManagement.Domain.Records;
using CaseManagement.Infrastructure.Persistence;

namespace CaseManagement.Infrastructure.Records;

/// <summary>Where documents are kept (decision 0050): <c>Documents:Store</c> is <c>Database</c> (the default) or <c>Folder</c>.</summary>
public sealed class DocumentStoreOptions
{
    public const string SectionName = "Documents";

    public string Store { get; set; } = "Database";

    /// <summary>For the folder store; defaults to <c>documents</c> inside <c>Database:DataDirectory</c>. Never under the web root.</summary>
    public string? Folder { get; set; }
}

/// <summary>The bytes in the database, in the same transaction as the document's row: nothing to back up apart.</summary>
internal sealed class DatabaseDocumentStore(AppDbContext db) : IDocumentStore
{
    public Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString("N");
        db.DocumentContents.Add(new DocumentContent(key, content));
        return Task.FromResult(key);
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken) =>
        await db.DocumentContents.AsNoTracking().Where(c => c.Key == key).Select(c => c.Content).SingleOrDefaultAsync(cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var added = db.DocumentContents.Local.FirstOrDefault(c => c.Key == key);
        if (added is not null)
        {
            db.Entry(added).State = EntityState.Detached;
            return;
        }

        await db.DocumentContents.Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>
/// The bytes as files in one folder, each named by a random key (never by what the uploader called it), so no name
/// sent can reach outside the folder. The folder must not be under the web root: the host refuses to start if it is.
/// </summary>
internal sealed class FolderDocumentStore(string folder) : IDocumentStore
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<string> SaveAsync(byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var key = Guid.NewGuid().ToString("N");
        await File.WriteAllBytesAsync(PathOf(key), content, cancellationToken);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) =>
        Guid.TryParseExact(key, "N", out _) ? Path.Combine(Folder, key) : throw new ArgumentException("Not a key of this store.", nameof(key));
}
