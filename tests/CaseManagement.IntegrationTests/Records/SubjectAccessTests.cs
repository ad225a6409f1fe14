using System.Globalization;
using System.IO.Compression;
using System.Text;
using CaseManagement.IntegrationTests.Work;

namespace CaseManagement.IntegrationTests.Records;

/// <summary>Subject access (issue 20): everything held about one child, in one ZIP, and nothing about another.</summary>
public abstract class SubjectAccessTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private static readonly string Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Export_HoldsEveryKindOfRecordTheChildHas_RedactedAndNothingAboutAnotherChild()
    {
        using var manager = await factory.SignedInAsync("teammanager@demo.example");
        var (caseId, childId) = await TestCases.NewCaseAsync(manager);
        var (otherCase, _) = await TestCases.NewCaseAsync(manager);
        var other = (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{otherCase}")).GetProperty("childName").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/contacts", new { day = Yesterday, time = "10:00", lengthMinutes = 45, kind = "HomeVisit", childTookPart = true, summary = "Talked about boxing with Ffion Rees.", outcome = "Attended" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { category = "General", visibility = "EveryoneOnTheCase", text = "Phoned school about the timetable." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/children/{childId}/timeline", new { category = "SchoolMove", occurredOn = "2023-09-01", dateIsApproximate = true, title = "Moved to Ysgol Gyfun Rhydywaun" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync($"/api/v1/cases/{caseId}/assessments", new { })).StatusCode);
        await WorkApi.CreatedIdAsync(await manager.PostAsync("/api/v1/documents", DocumentTests<TFactory>.Form(Encoding.UTF8.GetBytes("Attendance 91%.\n"), "attendance.txt", "Attendance", "SchoolReport", ("OwnerKind", "Child"), ("OwnerId", childId.ToString()))));
        await manager.GetAsync($"/api/v1/cases/{caseId}");

        var received = await manager.PostAsJsonAsync("/api/v1/subject-access", new { childId });
        var requestId = await WorkApi.CreatedIdAsync(received);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync("/api/v1/subject-access/redactions", new { requestId, words = "Ffion Rees\n" })).StatusCode);
        var export = await manager.GetAsync($"/api/v1/subject-access/export?requestId={requestId}");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/zip", export.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("record.txt", names);
        Assert.Contains(names, n => n.StartsWith("documents/", StringComparison.Ordinal) && n.EndsWith("attendance.txt", StringComparison.Ordinal));
        var json = JsonDocument.Parse(Read(zip, "record.json")).RootElement;
        foreach (var kind in new[] { "referrals", "cases", "assessments", "contacts", "notes", "timeline", "documents", "viewers" })
        {
            Assert.True(json.GetProperty(kind).GetArrayLength() > 0, $"The export holds no {kind}.");
        }

        var text = Read(zip, "record.txt") + Read(zip, "record.json");
        Assert.Contains("Moved to Ysgol Gyfun Rhydywaun", text, StringComparison.Ordinal);
        // The child's preferred language is Welsh (TestCases): the readable document is headed in Welsh.
        Assert.StartsWith("Yr wybodaeth sydd gennym amdanoch chi", Read(zip, "record.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ffion Rees", text, StringComparison.Ordinal);
        Assert.Contains("[WEDI'I OLYGU]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Split(' ')[^1], text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsJsonAsync("/api/v1/subject-access/release", new { requestId })).StatusCode);

        using var admin = await factory.SignedInAsync("admin@demo.example");
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/subject-access")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == requestId);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), listed.GetProperty("dueOn").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("releasedAtUtc").ValueKind);
        Assert.Contains("data-testid=\"subject-access-request\"", await admin.GetStringAsync("/admin/subject-access"), StringComparison.Ordinal);
        using var auditor = await factory.SignedInAsync("auditor@demo.example");
        var trail = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?childId={childId}&pageSize=100");
        var types = trail.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("entityType").GetString())).ToList();
        Assert.Contains(("Create", "SubjectAccessRequest"), types);
        Assert.Contains(("Export", "SubjectAccessRequest"), types);
        Assert.Equal(2, types.Count(t => t == ("Update", "SubjectAccessRequest")));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}

public sealed class SqliteSubjectAccessTests(SqliteAppFactory factory) : SubjectAccessTests<SqliteAppFactory>(factory);

public sealed class PostgresSubjectAccessTests(PostgresAppFactory factory) : SubjectAccessTests<PostgresAppFactory>(factory);
