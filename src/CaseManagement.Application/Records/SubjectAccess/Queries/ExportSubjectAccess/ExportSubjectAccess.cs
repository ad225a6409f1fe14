using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CaseManagement.Application.Records.Documents;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Children;

namespace CaseManagement.Application.Records.SubjectAccess.Queries.ExportSubjectAccess;

/// <summary>
/// Everything held about the request's child, as one ZIP: <c>record.txt</c> to read (in the child's language),
/// <c>record.json</c> for a machine, and the documents, with the words marked for redaction replaced in both texts.
/// The export is in the audit trail.
/// </summary>
[Authorize(Roles.TeamManager)]
public sealed record ExportSubjectAccess(Guid RequestId) : IRequest<SubjectAccessExport>;

/// <summary>The ZIP and its name.</summary>
public sealed record SubjectAccessExport(string FileName, byte[] Zip);

public sealed class ExportSubjectAccessHandler(IApplicationDbContext db, ICurrentUser user, IAuditTrail audit, IDocumentStore store) : IRequestHandler<ExportSubjectAccess, SubjectAccessExport>
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Converters = { new JsonStringEnumConverter() } };

    public async Task<SubjectAccessExport> Handle(ExportSubjectAccess request, CancellationToken cancellationToken)
    {
        var found = await db.RequestForTeamAsync(user, request.RequestId, cancellationToken);
        var id = found.ChildId;
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.GivenName, c.FamilyName, c.PreferredName, c.DateOfBirth, c.Sex, c.Postcode, c.PreferredLanguage, c.NhsNumber, c.UniquePupilNumber, c.PncId, c.CreatedAtUtc, c.HouseNumberOrName, c.Street, c.Town, c.School, c.ParentOrCarerNames, c.Email, c.EmailOwner, c.Phone, c.PhoneOwner, c.OtherIdentifier, c.OtherIdentifierIssuer })
            .SingleAsync(cancellationToken);
        var held = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["child"] = child,
            ["referrals"] = await db.Referrals.AsNoTracking().Where(r => r.ChildId == id).OrderBy(r => r.ReceivedAtUtc)
                .Select(r => new { r.Reference, r.ReceivedAtUtc, r.Source, r.ReferrerName, r.Urgency, r.Concerns, r.Reason, r.SensitiveNotes, r.Status, r.OutcomeReason, r.ChildAddress, r.ChildSchool, r.ParentsOrCarers, r.ChildHouseNumberOrName, r.ChildStreet, r.ChildTown, r.ChildEmail, r.ChildEmailOwner, r.ChildPhone, r.ChildPhoneOwner, r.ChildOtherIdentifier, r.ChildOtherIdentifierIssuer, r.ParentOrCarerNames })
                .ToListAsync(cancellationToken),
            ["cases"] = await db.Cases.AsNoTracking().Where(c => c.ChildId == id).OrderBy(c => c.OpenedAtUtc)
                .Select(c => new { c.Id, c.Status, c.OpenedAtUtc, c.InterventionType, c.Engagement, c.ClosedOn, c.ClosureReason, c.ExitPlan })
                .ToListAsync(cancellationToken),
            ["assessments"] = await db.Assessments.AsNoTracking().Where(a => a.ChildId == id)
                .Select(a => new { a.Id, a.Status, a.SeriousHarm, a.Wellbeing })
                .ToListAsync(cancellationToken),
            ["plans"] = await db.CasePlans.AsNoTracking().Where(p => p.ChildId == id).Select(p => new { p.Id, p.CaseId }).ToListAsync(cancellationToken),
            ["contacts"] = await db.Contacts.AsNoTracking().Where(c => c.ChildId == id).OrderBy(c => c.StartsAtUtc)
                .Select(c => new { c.StartsAtUtc, c.LengthMinutes, c.Kind, c.Place, c.Outcome, c.Summary, c.SensitiveNotes })
                .ToListAsync(cancellationToken),
            ["notes"] = await db.CaseNotes.AsNoTracking().Where(n => n.ChildId == id).OrderBy(n => n.WrittenAtUtc)
                .Select(n => new { n.WrittenAtUtc, n.Category, n.Text })
                .ToListAsync(cancellationToken),
            ["timeline"] = await db.TimelineEntries.AsNoTracking().Where(t => t.ChildId == id).OrderBy(t => t.OccurredOn)
                .Select(t => new { t.OccurredOn, t.Category, t.Kind, t.Title, t.Notes })
                .ToListAsync(cancellationToken),
            ["viewers"] = await db.AuditEntries.Where(e => e.ChildId == id && e.Action == AuditAction.View).OrderBy(e => e.Sequence)
                .Select(e => new { e.OccurredAtUtc, e.UserName, e.EntityType })
                .ToListAsync(cancellationToken),
        };
        var documents = await db.Documents.AsNoTracking().Where(d => d.ChildId == id).OrderBy(d => d.UploadedAtUtc)
            .Select(d => new { d.Id, d.Title, d.Category, d.FileName, d.UploadedAtUtc, d.StorageKey })
            .ToListAsync(cancellationToken);
        held["documents"] = documents.Select(d => new { d.Title, d.Category, File = $"documents/{d.Id:N}-{d.FileName}", d.UploadedAtUtc }).ToList();

        var welsh = child.PreferredLanguage == PreferredLanguage.Welsh;
        var json = Redact(JsonSerializer.Serialize(held, Json), found.RedactedWords, welsh);
        var text = Redact(Readable(held, welsh), found.RedactedWords, welsh);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await WriteAsync(archive, "record.txt", Encoding.UTF8.GetBytes(text), cancellationToken);
            await WriteAsync(archive, "record.json", Encoding.UTF8.GetBytes(json), cancellationToken);
            foreach (var d in documents)
            {
                if (await store.ReadAsync(d.StorageKey, cancellationToken) is { } bytes)
                {
                    await WriteAsync(archive, $"documents/{d.Id:N}-{d.FileName}", bytes, cancellationToken);
                }
            }
        }

        audit.Record(new AuditRecord(AuditAction.Export, "SubjectAccessRequest", found.Id.ToString(), id));
        await db.SaveChangesAsync(cancellationToken);
        return new SubjectAccessExport($"subject-access-{found.ReceivedOn:yyyy-MM-dd}.zip", zip.ToArray());
    }

    private static async Task WriteAsync(ZipArchive archive, string name, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(content, cancellationToken);
    }

    private static string Redact(string text, IReadOnlyList<string> words, bool welsh) =>
        words.Aggregate(text, (t, w) => t.Replace(w, welsh ? "[WEDI'I OLYGU]" : "[REDACTED]", StringComparison.OrdinalIgnoreCase));

    /// <summary>The record as headed sections a person reads; the headings in the child's language.</summary>
    private static string Readable(SortedDictionary<string, object> held, bool welsh)
    {
        var headings = welsh
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "Yr wybodaeth sydd gennym amdanoch chi", ["child"] = "Eich cofnod", ["referrals"] = "Atgyfeiriadau", ["cases"] = "Achosion", ["assessments"] = "Asesiadau", ["plans"] = "Cynlluniau", ["contacts"] = "Cysylltiadau", ["notes"] = "Nodiadau", ["timeline"] = "Llinell amser", ["documents"] = "Dogfennau", ["viewers"] = "Pwy sydd wedi edrych ar eich cofnod", ["none"] = "Dim" }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = "The information we hold about you", ["child"] = "Your record", ["referrals"] = "Referrals", ["cases"] = "Cases", ["assessments"] = "Assessments", ["plans"] = "Plans", ["contacts"] = "Contacts", ["notes"] = "Notes", ["timeline"] = "Timeline", ["documents"] = "Documents", ["viewers"] = "Who has looked at your record", ["none"] = "None" };
        var text = new StringBuilder().AppendLine(headings["title"]).AppendLine();
        foreach (var section in new[] { "child", "referrals", "cases", "assessments", "plans", "contacts", "notes", "timeline", "documents", "viewers" })
        {
            text.AppendLine(headings[section]).AppendLine(new string('=', headings[section].Length));
            var items = held[section] is System.Collections.IEnumerable list and not string ? list.Cast<object>().ToList() : [held[section]];
            if (items.Count == 0)
            {
                text.AppendLine(headings["none"]);
            }

            foreach (var item in items)
            {
                foreach (var property in item.GetType().GetProperties())
                {
                    if (property.GetValue(item) is { } value && property.Name != "StorageKey")
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{property.Name}: ").AppendLine(Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
