using CaseManagement.Application.Records.Documents.Commands.UploadDocument;
using CaseManagement.Application.Records.Documents.Queries.GetDocumentFile;

namespace CaseManagement.Web.Forms;

/// <summary>How the pages and the API take a document in and give one out (decision 0050).</summary>
public static class DocumentFiles
{
    /// <summary>What the host lets a document upload's body be: the largest file and room for the form's other fields.</summary>
    public const int MaxRequestBytes = UploadDocument.MaxBytes + (1024 * 1024);

    /// <summary>
    /// The file's bytes, read to one byte past the largest file kept, so that the request's rule can say "too large"
    /// without the whole of a larger file being held; null when no file was sent.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        await using var source = file.OpenReadStream();
        var buffer = new byte[(int)Math.Min(file.Length, UploadDocument.MaxBytes + 1L)];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await source.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>
    /// The document as a download, never shown in the browser: an attachment, the type its content is, no sniffing,
    /// and a sandbox so that even a browser that opened it would run nothing in it.
    /// </summary>
    public static FileContentResult Download(HttpResponse response, DocumentFile file)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(file);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.Headers.CacheControl = "no-store";
        return new FileContentResult(file.Content, file.ContentType) { FileDownloadName = file.FileName };
    }
}
