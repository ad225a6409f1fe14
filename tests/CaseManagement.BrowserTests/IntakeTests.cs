using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CaseManagement.BrowserTests;

/// <summary>Referral intake in a real browser: the staff question pages, the screening decisions, and the public form.</summary>
public sealed class IntakeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }

    [SkippableFact]
    public async Task Referrer_MakesAReferralThroughTheQuestionPages_ChecksAnswersAndSendsIt()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page, "referrer@demo.example");

        await page.OpenAsync("/referrals");
        await page.GetByTestId("new-referral").ClickAsync();
        await AssertAccessibleAsync(page);
        await page.GetByTestId("start-referral").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "About the child", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("continue").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Enter the child's first name.");
        await AssertAccessibleAsync(page);
        await page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter the child's first name." }).ClickAsync();
        await Expect(page.GetByLabel("First name")).ToBeFocusedAsync();

        await page.GetByLabel("First name").FillAsync("Gwenllian");
        await page.GetByLabel("Last name").FillAsync("Pritchard");
        await page.GetByLabel("Preferred or known-as name").FillAsync("Gwen");
        await page.GetByLabel("Day").FillAsync("14");
        await page.GetByLabel("Month").FillAsync("5");
        await page.GetByLabel("Year").FillAsync("2012");
        await page.GetByLabel("Female").CheckAsync();
        await page.GetByLabel("Welsh", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("continue").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Address, school and identifiers", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Postcode").FillAsync("cf44 7ab");
        await page.GetByLabel("School or college").FillAsync("Ysgol Gymraeg Aberdâr");
        await page.GetByTestId("continue").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "About you and the referral", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Education").CheckAsync();
        await page.GetByLabel("Routine").CheckAsync();
        await page.GetByTestId("continue").ClickAsync();

        await page.GetByLabel("What is happening for the child?").FillAsync("Gwen has stopped coming to school on Fridays and has been seen with older young people. She loves art and football.");
        await page.GetByTestId("continue").ClickAsync();
        await page.GetByLabel("Yes, the child and the family").CheckAsync();
        await page.GetByLabel("Consent", new() { Exact = true }).CheckAsync();
        await page.GetByTestId("continue").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your answers before sending the referral", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await Expect(page.GetByTestId("answers-details")).ToContainTextAsync("CF44 7AB");

        // Change one answer from the check page, and come straight back to it.
        await page.GetByTestId("answers-details").GetByRole(AriaRole.Link, new() { Name = "Change School or college" }).ClickAsync();
        await page.GetByLabel("School or college").FillAsync("Ysgol Gyfun Rhydywaun");
        await page.GetByTestId("continue").ClickAsync();
        await Expect(page.GetByTestId("answers-details")).ToContainTextAsync("Ysgol Gyfun Rhydywaun");

        await page.GetByTestId("send-referral").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Referral sent", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("referral-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^R-[0-9]{6}-[A-Z2-9]{6}$"));
        await AssertAccessibleAsync(page);

        // Going back and sending again shows the same referral, not a second one.
        var reference = await page.GetByTestId("referral-reference").InnerTextAsync();
        await page.GoBackPageAsync();
        await page.ReloadPageAsync();
        await Expect(page.GetByTestId("referral-reference")).ToHaveTextAsync(reference);
    }

    [SkippableFact]
    public async Task CaseManager_DecidesADuplicateWithTheEvidence_ThenAcceptsTheReferral()
    {
        var page = await fixture.NewPageAsync();
        await fixture.SignInAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Screening" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Screening", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "R-DEMO-0097" }).ClickAsync();

        var candidate = page.GetByTestId("match-candidate").First;
        await Expect(candidate).ToContainTextAsync("Megan Thomas-Lewis");
        await Expect(candidate.GetByTestId("match-evidence")).ToContainTextAsync("Nickname or Welsh/English equivalent");
        await Expect(candidate.GetByTestId("match-evidence")).ToContainTextAsync("Part of the name");
        await AssertAccessibleAsync(page);

        await candidate.GetByTestId("confirm-match").ClickAsync();
        await Expect(page.GetByTestId("decision-banner")).ToContainTextAsync("linked to the child's record");
        await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync("Screening");
        await Expect(page.GetByTestId("match-status").First).ToHaveTextAsync("Confirmed as the same child");

        // A reason is needed to signpost: the message shows beside the reason box.
        await page.GetByLabel("Signpost to another service").CheckAsync();
        await page.GetByTestId("screening-decide").ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Say where the child and family have been signposted to");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Accept").CheckAsync();
        await page.GetByTestId("screening-decide").ClickAsync();
        await Expect(page.GetByTestId("decision-banner")).ToContainTextAsync("accepted");
        await Expect(page.GetByTestId("referral-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Accepted|Added to the child's open work"));
        await Expect(page.GetByTestId("referral-history")).ToContainTextAsync("Awaiting a duplicate decision");
    }

    [SkippableFact]
    public async Task Family_AsksForHelpWithoutSigningIn_InWelsh()
    {
        var page = await fixture.NewPageAsync();
        await page.OpenAsync("/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask for help for a child or young person" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gofyn am help i blentyn neu berson ifanc", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfon" }).ClickAsync();
        await Expect(page.GetByTestId("error-summary")).ToContainTextAsync("Rhowch eich enw.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Fi yw eu rhiant neu ofalwr").CheckAsync();
        await page.GetByLabel("Eich enw").FillAsync("Rhian Morgan");
        await page.GetByLabel("Rhif ffôn").FillAsync("01443 123456");
        await page.GetByLabel("Enw cyntaf").FillAsync("Iestyn");
        await page.GetByLabel("Cyfenw").FillAsync("Morgan");
        await page.GetByLabel("Diwrnod").FillAsync("2");
        await page.GetByLabel("Mis").FillAsync("11");
        await page.GetByLabel("Blwyddyn").FillAsync("2011");
        await page.GetByLabel("Cymraeg", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Beth sy'n digwydd, a sut gallwn ni helpu?").FillAsync("Mae Iestyn wedi bod yn ymladd yn yr ysgol ac mae eisiau help.");
        await page.GetByLabel("Mae'r person ifanc a'i deulu yn cytuno i'r tîm gysylltu â ni").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfon" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Diolch, mae eich cais wedi dod i law", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("referral-reference")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^R-[0-9]{6}-[A-Z2-9]{6}$"));
        await AssertAccessibleAsync(page);
    }
}
