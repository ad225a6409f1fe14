using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;

namespace CaseManagement.Web.Pages.Partials;

/// <summary>
/// A list or a set of figures as a CSV download: UTF-8 with a byte order mark (so a spreadsheet reads Welsh letters
/// right), a header row in the page's language, and any field that a spreadsheet would run as a formula (one starting
/// with =, +, -, @) escaped, since children's names and referrers' words come from outside the team.
/// </summary>
public static class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";


    public static FileContentResult Of(string fileName, IReadOnlyList<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                {
                    csv.WriteField(field ?? string.Empty);
                }

                csv.NextRecord();
            }
        }

        return new FileContentResult(stream.ToArray(), ContentType) { FileDownloadName = fileName };
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
