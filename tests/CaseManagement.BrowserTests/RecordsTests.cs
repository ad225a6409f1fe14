using System.Text;
using CaseManagement.Domain.Records;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CaseManagement.BrowserTests.FormSteps;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Documents, retention and people's rights in a real browser (issue 20): a document uploaded with the plain file input
/// and downloaded, a team manager deciding on the retention queue, and the pages of a child's rights; axe-core on each,
/// and each once in Welsh.
/// </summary>
public sealed class RecordsTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");

    private async Task<(Guid Id, Guid TeamId)> ChildAsync(string givenName)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var child = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Children.Where(c => c.GivenName == givenName).Select(c => new { c.Id, c.TeamId }).SingleAsync();
        return (child.Id, child.TeamId);
    }

    [SkippableFact]
    public async Task CaseManager_UploadsADocumentWithThePlainFileInput_AndDownloadsIt()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);
        await page.OpenAsync("/cases?show=mine");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dafydd (Dai) Williams" }).ClickAsync();
        await page.GetByTestId("documents-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.Locator("input#File").SetInputFilesAsync(new FilePayload { Name = "consent.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Signed consent form");
        await page.GetByRole(AriaRole.Group, new() { Name = "Kind of document" }).GetByLabel("Consent form").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Who can read it" }).GetByLabel("Everyone who can see this record").CheckAsync();
        await page.GetByTestId("upload").ClickAsync();
        await Expect(page.GetByTestId("document")).ToContainTextAsync("Signed consent form");
        await AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download").First.ClickAsync());
        Assert.Equal("consent.pdf", download.SuggestedFilename);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));

        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString(new Uri(page.Url).PathAndQuery)}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dogfennau", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task TeamManager_ConfirmsADestruction_AndAReasonMissingIsShownUnderItsOwnRecord()
    {
        var leah = await ChildAsync("Leah");
        var megan = await ChildAsync("Megan");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RetentionReviews.Add(RetentionReview.List(RetentionKind.ClosedCase, Guid.NewGuid(), leah.Id, leah.TeamId, today.AddDays(-2), DateTime.UtcNow));
            db.RetentionReviews.Add(RetentionReview.List(RetentionKind.ClosedCase, Guid.NewGuid(), megan.Id, megan.TeamId, today.AddDays(-1), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");
        await page.OpenAsync("/team");
        await page.GetByTestId("team-retention-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Records past their retention date", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("retention-review")).ToHaveCountAsync(2);
        await AssertAccessibleAsync(page);

        // Keeping the second record without a reason: one message, under that record, and the summary leads to its field.
        var second = page.GetByTestId("retention-review").Filter(new() { HasText = "Megan" });
        await second.GetByTestId("hold").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Give the reason for keeping the record.");
        await Expect(page.Locator(".govuk-error-message")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("retention-review").Filter(new() { HasText = "Megan" }).Locator(".govuk-error-message")).ToHaveCountAsync(1);
        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("retention-review").Filter(new() { HasText = "Megan" }).GetByLabel("Reason for keeping it")).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);

        await page.GetByTestId("retention-review").Filter(new() { HasText = "Leah" }).GetByTestId("destroy").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The record has been destroyed.");
        await Expect(page.GetByTestId("retention-review")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);

        await page.OpenAsync("/language/cy-GB?returnUrl=%2Fteam%2Fretention");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cofnodion heibio'u dyddiad cadw", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
    }

    [SkippableFact]
    public async Task TeamManager_CorrectsRestrictsAndAnswersASubjectAccessRequest()
    {
        var ffion = await ChildAsync("Ffion");
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "teammanager@demo.example");
        await page.OpenAsync($"/children/{ffion.Id}/timeline");
        await page.GetByTestId("rights-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rights over the record", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        // A correction, kept with its reason on the page's history.
        await page.GetByTestId("correct").ClickAsync();
        await page.GetByLabel("Postcode").FillAsync("CF40 2AB");
        await page.GetByLabel("Reason for the correction").FillAsync("Mother showed a council tax bill.");
        await AssertAccessibleAsync(page);

        // The evidence matching compares is on the page too (decision 0083): a phone number that is not one is shown
        // next to its field and linked from the summary, then corrected.
        var phone = page.GetByLabel("Telephone number of the child or of a parent or carer");
        await phone.FillAsync("call the school");
        await page.GetByTestId("save-correction").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the child's or family's telephone number, like 07700 900123.");
        await AssertAccessibleAsync(page);
        await phone.FillAsync("01443 123456");
        await page.GetByTestId("save-correction").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The details have been corrected.");
        await Expect(page.GetByTestId("correction")).ToContainTextAsync("Postcode: CF40 2XX → CF40 2AB");
        await Expect(page.GetByTestId("correction")).ToContainTextAsync("→ 01443 123456");
        await Expect(page.GetByTestId("evidence-phone")).ToContainTextAsync("01443 123456");
        await Expect(page.GetByTestId("correction")).ToContainTextAsync("Mother showed a council tax bill.");

        // A restriction, with who and why, and the banner on the child's other pages until it is lifted.
        await page.GetByTestId("restrict").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Give the reason.");
        await page.GetByLabel("Reason for restricting processing").FillAsync("Ffion contests the school's account.");
        await page.GetByTestId("restrict").ClickAsync();
        await Expect(page.GetByTestId("restriction-reason")).ToHaveTextAsync("Ffion contests the school's account.");
        await Expect(page.GetByTestId("restricted-banner")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.OpenAsync($"/children/{ffion.Id}/timeline");
        await Expect(page.GetByTestId("restricted-banner")).ToBeVisibleAsync();
        await page.OpenAsync($"/language/cy-GB?returnUrl={Uri.EscapeDataString($"/children/{ffion.Id}/rights")}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hawliau dros y cofnod", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.OpenAsync($"/language/en-GB?returnUrl={Uri.EscapeDataString($"/children/{ffion.Id}/rights")}");
        await page.GetByLabel("Reason for lifting the restriction").FillAsync("The school corrected its account.");
        await page.GetByTestId("lift").ClickAsync();
        await Expect(page.GetByTestId("restriction-state")).ToHaveTextAsync("Processing is not restricted.");
        await Expect(page.GetByTestId("restricted-banner")).ToHaveCountAsync(0);

        // A subject access request: received today, due in a month, words marked, then released.
        await page.GetByTestId("receive-request").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subject access request", Level = 1 })).ToBeVisibleAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        await Expect(page.GetByTestId("request-due")).ToContainTextAsync(due.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Words to redact").FillAsync("Anna Price");
        await page.GetByTestId("mark-redactions").ClickAsync();
        await Expect(page.GetByTestId("done-banner")).ToContainTextAsync("The words to redact have been saved.");
        var zip = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".zip", zip.SuggestedFilename, StringComparison.Ordinal);
        await page.GetByTestId("release").ClickAsync();
        await Expect(page.GetByTestId("request-state")).ToContainTextAsync("Released");
        await AssertAccessibleAsync(page);
    }
}
