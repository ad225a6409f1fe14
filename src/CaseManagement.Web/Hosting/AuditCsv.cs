using System.Globalization;
using System.Text;
using CaseManagement.Application.Audit.Queries;
using CsvHelper;

namespace CaseManagement.Web.Hosting;

/// <summary>Writes audit entries as CSV for the page and the API alike.</summary>
public static class AuditCsv
{
    public static byte[] Write(IEnumerable<AuditEntryDto> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows.Select(r => new
            {
                r.Sequence,
                OccurredAtUtc = r.OccurredAtUtc.ToString("O", CultureInfo.InvariantCulture),
                r.UserId,
                r.UserName,
                Action = r.Action.ToString(),
                r.EntityType,
                r.EntityId,
                r.ChildId,
                r.IpAddress,
                r.Reason,
                r.Changes,
            }));
        }

        return stream.ToArray();
    }
}
