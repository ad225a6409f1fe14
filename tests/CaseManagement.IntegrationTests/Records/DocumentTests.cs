using System.Net.Http.Headers;
using System.Text;
using CaseManagement.IntegrationTests.Work;

namespace CaseManagement.IntegrationTests.Records;

/// <summary>Documents kept with a child's record (issue 20): what is refused, how they are given out, and who may read them.</summary>
public abstract class DocumentTests<TFactory>(TFactory factory) : IClassFixture<TFactory>, IAsyncLifetime
    where TFactory : AppFactory
{
    private const string WrongType = "The file must be a PDF, a Word document, a PNG, JPEG or GIF image, or plain text.";

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public Task InitializeAsync() => factory.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    internal static MultipartFormDataContent Form(byte[] content, string fileName, string title = "Signed consent form", string category = "ConsentForm", params (string Name, string Value)[] more)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "File", fileName);
        form.Add(new StringContent(title), "Title");
        form.Add(new StringContent(category), "Category");
        foreach (var (name, value) in more)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static Task<HttpResponseMessage> UploadToCaseAsync(HttpClient client, Guid caseId, byte[] content, string fileName, params (string Name, string Value)[] more) =>
        client.PostAsync("/api/v1/documents", Form(content, fileName, more: [("OwnerKind", "Case"), ("OwnerId", caseId.ToString()), .. more]));

    [SkippableFact]
    public async Task Upload_Pdf_IsListedAndDownloadsAsAnAttachmentThatIsNeverSniffed()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);

        var id = await WorkApi.CreatedIdAsync(await UploadToCaseAsync(client, caseId, Pdf, "consent.pdf"));

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?ownerKind=Case&ownerId={caseId}");
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("Signed consent form", listed.GetProperty("title").GetString());
        Assert.Equal("ConsentForm", listed.GetProperty("category").GetString());
        var download = await client.GetAsync($"/api/v1/documents/{id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("consent.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [SkippableTheory]
    [InlineData("report.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("photo.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>")]
    [InlineData("letter.txt", "MZ\u0090\0\u0003\0\0\0\u0004\0\0\0")]
    public async Task Upload_DisguisedType_IsRefusedWhateverItsName(string fileName, string content)
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);

        var response = await UploadToCaseAsync(client, caseId, Encoding.UTF8.GetBytes(content), fileName);

        await WorkApi.RefusedAsync(response, HttpStatusCode.BadRequest, WrongType);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/documents?ownerKind=Case&ownerId={caseId}");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [SkippableFact]
    public async Task Upload_Oversized_IsRefused()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var big = new byte[(20 * 1024 * 1024) + 1];
        Pdf.CopyTo(big, 0);

        var response = await UploadToCaseAsync(client, caseId, big, "scan.pdf");

        await WorkApi.RefusedAsync(response, HttpStatusCode.BadRequest, "The file must be smaller than 20 MB.");
    }

    [SkippableTheory]
    [InlineData("../../wwwroot/js/evil.pdf", "evil.pdf")]
    [InlineData("..\\..\\Windows\\system32\\report.pdf", "report.pdf")]
    [InlineData("..", "document.pdf")]
    [InlineData("notes.exe", "notes.pdf")]
    public async Task Upload_NameWithPathCharacters_IsKeptUnderItsCleanedName(string sent, string kept)
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);

        var response = await UploadToCaseAsync(client, caseId, Pdf, sent);

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(kept, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString());
        var download = await client.GetAsync(response.Headers.Location);
        Assert.Equal(kept, download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [SkippableFact]
    public async Task Download_BySomeoneOutsideTheNeedToKnow_IsNotFound()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, childId) = await TestCases.NewCaseAsync(client);
        var id = await WorkApi.CreatedIdAsync(await UploadToCaseAsync(client, caseId, Pdf, "consent.pdf"));
        var teamOnly = await WorkApi.CreatedIdAsync(await client.PostAsync("/api/v1/documents", Form(Pdf, "police.pdf", "Police report", "PoliceReport", ("OwnerKind", "Child"), ("OwnerId", childId.ToString()), ("Sensitivity", "TeamOnly"))));

        // The seconded practitioner is not on this case; the referrer did not send its referral.
        foreach (var outsider in new[] { "practitioner@demo.example", "referrer@demo.example" })
        {
            using var other = await factory.SignedInAsync(outsider);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}/content")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/documents/{id}/download")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents?ownerKind=Case&ownerId={caseId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("/api/v1/documents", Form(Pdf, "x.pdf", more: [("OwnerKind", "Case"), ("OwnerId", caseId.ToString())]))).StatusCode);
        }

        // On the case, the practitioner reads what everyone on it reads, never the team's own documents.
        var choices = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/choices");
        var practitioner = choices.GetProperty("practitioners").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "PC Rhys Davies");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/practitioners", new { userId = practitioner.GetProperty("id").GetGuid(), contribution = "Police" })).StatusCode);
        using var onCase = await factory.SignedInAsync("practitioner@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await onCase.GetAsync($"/api/v1/documents/{id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onCase.GetAsync($"/api/v1/documents/{teamOnly}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/documents/{teamOnly}/content")).StatusCode);
    }

    [SkippableFact]
    public async Task PartnerSystem_AttachesADocumentToTheReferralItSent_AndTheTeamReadsIt()
    {
        using var partner = await PartnerClientTesting.ClientWithTokenAsync(factory, Application.Common.Security.Scopes.ReferralsSubmit, Application.Common.Security.Scopes.ReferralsRead);
        var sent = await partner.PostAsJsonAsync("/api/v1/referrals", new
        {
            source = "Mash",
            referrerName = "MASH duty desk",
            concerns = "Missing from school for two weeks.",
            urgency = "Routine",
            consent = "ChildAndFamily",
            lawfulBasis = "Consent",
            childGivenName = "Zephyrine",
            childFamilyName = "Quillbottom-" + factory.Provider,
            childDateOfBirth = "2011-03-09",
            childSex = "Female",
            childPreferredLanguage = "English",
        });
        var referralId = await WorkApi.CreatedIdAsync(sent);

        var attached = await partner.PostAsync($"/api/v1/referrals/{referralId}/documents", Form(Encoding.UTF8.GetBytes("Attendance: 61% this term.\n"), "attendance.txt", "School attendance", "SchoolReport"));

        var id = await WorkApi.CreatedIdAsync(attached);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.PostAsync($"/api/v1/referrals/{Guid.NewGuid()}/documents", Form(Pdf, "x.pdf"))).StatusCode);
        using var team = await factory.SignedInAsync();
        var list = await team.GetFromJsonAsync<JsonElement>($"/api/v1/documents?ownerKind=Referral&ownerId={referralId}");
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var download = await team.GetAsync($"/documents/{id}/download");
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [SkippableFact]
    public async Task UploadPage_PlainForm_KeepsTheDocumentAndShowsItsErrorsBesideTheFile()
    {
        using var client = await factory.SignedInAsync();
        var (caseId, _) = await TestCases.NewCaseAsync(client);
        var address = $"/documents/case/{caseId}";
        var page = await client.GetStringAsync(address);

        var refused = Form(Encoding.UTF8.GetBytes("<svg/>"), "x.pdf");
        refused.Add(new StringContent(AppFactory.AntiforgeryToken(page)), "__RequestVerificationToken");
        var again = await client.PostAsync(address, refused);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error:", html, StringComparison.Ordinal);
        Assert.Contains("id=\"File-error\"", html, StringComparison.Ordinal);
        Assert.Contains(WrongType, html, StringComparison.Ordinal);

        var form = Form(Pdf, "consent.pdf");
        form.Add(new StringContent(AppFactory.AntiforgeryToken(page)), "__RequestVerificationToken");
        var sent = await client.PostAsync(address, form);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var listed = await client.GetStringAsync(sent.Headers.Location);
        Assert.Contains("Signed consent form", listed, StringComparison.Ordinal);
    }
}

public sealed class SqliteDocumentTests(SqliteAppFactory factory) : DocumentTests<SqliteAppFactory>(factory);

public sealed class PostgresDocumentTests(PostgresAppFactory factory) : DocumentTests<PostgresAppFactory>(factory);
