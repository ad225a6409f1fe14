using System.Globalization;
using CaseManagement.Application.Audit.Queries;
using CaseManagement.Web.Pages.Partials;

namespace CaseManagement.Web.Hosting;

/// <summary>
/// Writes audit entries as CSV for the page and the API alike, through the one CSV writer of the pages, which escapes
/// any field a spreadsheet would run as a formula: names and emergency-access reasons are typed by people. The
/// headers are the API's field names, the same in either language, for tools that read the file.
/// </summary>
public static class AuditCsv
{
    private static readonly string[] Headers = ["Sequence", "OccurredAtUtc", "UserId", "UserName", "Action", "EntityType", "EntityId", "ChildId", "IpAddress", "Reason", "Changes"];

    public static FileContentResult Write(IEnumerable<AuditEntryDto> rows, string fileName) =>
        CsvFile.Of(fileName, Headers, rows.Select(r => new[]
        {
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.OccurredAtUtc.ToString("O", CultureInfo.InvariantCulture),
            r.UserId?.ToString(),
            r.UserName,
            r.Action.ToString(),
            r.EntityType,
            r.EntityId,
            r.ChildId?.ToString(),
            r.IpAddress,
            r.Reason,
            r.Changes,
        }));
}
