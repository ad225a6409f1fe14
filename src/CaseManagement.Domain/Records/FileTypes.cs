using System.IO.Compression;
using System.Text;

namespace CaseManagement.Domain.Records;

/// <summary>
/// What a file is, read from its first bytes (and, for a Word document, its parts), never from its name or the type a
/// browser claimed: PDF, Word (DOCX and the older DOC), PNG, JPEG, GIF and plain UTF-8 text. Anything else is refused,
/// and so is text a browser would run or draw (HTML, SVG, XML, script), and every executable, whatever it is called.
/// </summary>
public static class FileTypes
{
    private static readonly (byte[] Magic, string ContentType, string Extension)[] Binary =
    [
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ("GIF87a"u8.ToArray(), "image/gif", ".gif"),
        ("GIF89a"u8.ToArray(), "image/gif", ".gif"),

        // The compound file of Word 97-2003 (and of Excel and PowerPoint of that age: all are kept as "Word", none runs).
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/msword", ".doc"),
    ];

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    // Markup a browser renders or runs if it ever treats the file as a page: refused even though it is text.
    private static readonly string[] Markup = ["<!doctype", "<html", "<svg", "<script", "<?xml", "<body", "<head", "<iframe", "<object", "<embed", "<meta", "<link", "<style", "<img", "<a "];

    /// <summary>The type of <paramref name="content"/>, or null when it is none the system keeps.</summary>
    public static (string ContentType, string Extension)? Identify(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        foreach (var (magic, contentType, extension) in Binary)
        {
            if (content.AsSpan().StartsWith(magic))
            {
                return (contentType, extension);
            }
        }

        if (content.AsSpan().StartsWith(Zip))
        {
            return IsWordDocument(content) ? ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx") : null;
        }

        return IsPlainText(content) ? ("text/plain; charset=utf-8", ".txt") : null;
    }

    /// <summary>
    /// The name to keep: the last part of whatever path was sent (either slash), without control characters, characters
    /// a file system reserves, or leading dots, at most <see cref="Document.FileNameMaxLength"/> characters, and ending
    /// in the extension of the type the content is.
    /// </summary>
    public static string CleanName(string? uploaded, string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var name = (uploaded ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*' or ';' or '%') && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        var stem = kept.ToString().Trim().TrimStart('.').Trim();
        var dot = stem.LastIndexOf('.');
        if (dot > 0)
        {
            stem = stem[..dot];
        }

        stem = stem.TrimEnd('.', ' ');
        if (stem.Length == 0)
        {
            stem = "document";
        }

        var room = Document.FileNameMaxLength - extension.Length;
        return (stem.Length > room ? stem[..room] : stem) + extension;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool IsPlainText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (text.Length == 0 || text.StartsWith("MZ", StringComparison.Ordinal) || text.StartsWith("#!", StringComparison.Ordinal))
        {
            return false;
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f')))
        {
            return false;
        }

        var head = text.Length > 1024 ? text[..1024] : text;
        return !Markup.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
