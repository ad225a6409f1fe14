using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// The one CSV writer of the app and its tools (docs/decisions/0033-one-of-each.md): a list or a set of figures as a
/// download, or a file a command writes. UTF-8 with a byte order mark (so a spreadsheet reads Welsh letters right), a
/// header row, and any field that a spreadsheet would run as a formula (one starting with =, +, -, @, a tab or a
/// carriage return) written with a leading apostrophe, since children's names, referrers' words and the rows of a file
/// brought in from another system come from outside the team.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    // CsvHelper's own list, so that the count a command reports is of the fields it escaped.
    private static readonly char[] FormulaStarts = new CsvConfiguration(CultureInfo.InvariantCulture).InjectionCharacters;

    public static FileContentResult Of(string fileName, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        using var stream = new MemoryStream();
        Write(stream, headers, rows);
        return new FileContentResult(stream.ToArray(), ContentType) { FileDownloadName = fileName };
    }

    /// <summary>Writes the CSV to a file, replacing it; answers how many fields were escaped as formula-like.</summary>
    public static int Write(string path, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        return Write(stream, headers, rows);
    }

    /// <summary>Writes the CSV to a stream (left open); answers how many fields were escaped as formula-like.</summary>
    public static int Write(Stream stream, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var escaped = 0;
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                if (field is { Length: > 0 } && FormulaStarts.Contains(field[0]))
                {
                    escaped++;
                }

                csv.WriteField(field ?? string.Empty);
            }

            csv.NextRecord();
        }

        return escaped;
    }

    /// <summary>A whole number as a spreadsheet reads it, whatever the page's language.</summary>
    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The UK date of a moment (as the pages show it: a referral at 23:30 in summer is that day, not the next).</summary>
    public static DateOnly UkDate(DateTime utc) =>
        DateOnly.FromDateTime(Display.UkLocal(utc));

    /// <summary>A moment as UK local date and time (ISO 8601 without the offset), as a spreadsheet reads it.</summary>
    public static string UkDateTime(DateTime utc) =>
        Display.UkLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date as a spreadsheet reads it (ISO 8601), whatever the page's language.</summary>
    public static string D(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
