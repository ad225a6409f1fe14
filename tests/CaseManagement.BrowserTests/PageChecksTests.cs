using Microsoft.Playwright;

namespace CaseManagement.BrowserTests;

/// <summary>
/// The page checks find each class of fault they are for (shown a page made to have it) and pass a page without it,
/// so a green browser run means the app's pages are free of them, not that the checks look nowhere.
/// </summary>
public sealed class PageChecksTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    // What the GOV.UK error summary script does with a link: focus the field it names (kept here so the page needs no server).
    private const string SummaryScript = """
        <script>
        document.addEventListener('click', e => {
            const link = e.target.closest('.govuk-error-summary__list a');
            if (!link) return;
            e.preventDefault();
            const target = document.getElementById(link.getAttribute('href').slice(1));
            if (target) target.focus();
        });
        </script>
        """;

    private async Task<IReadOnlyList<string>> FaultsOfAsync(string lang, string title, string body)
    {
        var page = await fixture.NewPageAsync();
        await page.SetContentAsync($"<!DOCTYPE html><html lang=\"{lang}\"><head><title>{title}</title></head><body>{body}{SummaryScript}</body></html>");
        return await PageChecks.FaultsAsync(page);
    }

    private static string Summary(params string[] links) =>
        "<div class=\"govuk-error-summary\"><ul class=\"govuk-error-summary__list\">"
        + string.Concat(links.Select(l => $"<li><a href=\"#{l}\">Message for {l}</a></li>"))
        + "</ul></div>";

    private const string TwoFields = "<main id=\"main-content\" tabindex=\"-1\"><label for=\"First\">First</label><input id=\"First\"><label for=\"Second\">Second</label><textarea id=\"Second\"></textarea></main>";

    [SkippableFact]
    public async Task Faults_PageWiderThanAPhone_NamesWhatSticksOut()
    {
        var faults = await FaultsOfAsync("en", "Wide", "<table data-testid=\"wide\"><tr><td><div style=\"width: 700px\">wide</div></td></tr></table>");

        var fault = Assert.Single(faults);
        Assert.Contains("scrolls sideways at 375 px", fault, StringComparison.Ordinal);
        Assert.Contains("[data-testid=wide]", fault, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Faults_WideTableInAScrollContainer_None()
    {
        var faults = await FaultsOfAsync("en", "Wide", "<div style=\"overflow-x: auto\"><table><tr><td><div style=\"width: 700px\">wide</div></td></tr></table></div>");

        Assert.Empty(faults);
    }

    [SkippableFact]
    public async Task Faults_ErrorSummaryWithoutErrorTitle_Found()
    {
        var faults = await FaultsOfAsync("en", "Add an event", Summary("First") + TwoFields);

        Assert.Contains(faults, f => f.Contains("title does not start with \"Error:\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Faults_ErrorSummaryLinkToTheMainContent_Found()
    {
        var faults = await FaultsOfAsync("en", "Error: Add an event", Summary("main-content") + TwoFields);

        var fault = Assert.Single(faults);
        Assert.Contains("\"Message for main-content\" (#main-content) does not move focus to a field", fault, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Faults_ErrorSummaryOutOfPageOrder_Found()
    {
        var faults = await FaultsOfAsync("en", "Error: Add an event", Summary("Second", "First") + TwoFields);

        var fault = Assert.Single(faults);
        Assert.Contains("lists \"Message for First\" after \"Message for Second\"", fault, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Faults_ErrorSummaryInPageOrderWithErrorTitle_None()
    {
        Assert.Empty(await FaultsOfAsync("en", "Error: Add an event", Summary("First", "Second") + TwoFields));
        Assert.Empty(await FaultsOfAsync("cy", "Gwall: Ychwanegu digwyddiad", Summary("First", "Second") + TwoFields));
    }

    [SkippableFact]
    public async Task Faults_EnglishResourceOnAWelshPage_Found()
    {
        var faults = await FaultsOfAsync("cy", "Trosolwg", "<h2>There is a problem</h2><p>Mae problem wedi codi</p><a lang=\"en\" href=\"/language/en-GB\">English</a>");

        var fault = Assert.Single(faults);
        Assert.Equal("English on a Welsh page: \"There is a problem\" (resource ErrorSummaryTitle)", fault);
    }

    [SkippableFact]
    public async Task Faults_EnglishSentenceWithValuesOnAWelshPage_Found()
    {
        var faults = await FaultsOfAsync("cy", "Trosolwg", "<p>Showing referrals with the status: Sgrinio.</p>");

        Assert.Contains(faults, f => f.Contains("(resource Referrals.FilteredBy)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Faults_ResourceKeyShownAsText_Found()
    {
        // The cohort report showed the CAF areas so, in both languages, until it was mended.
        foreach (var lang in new[] { "en", "cy" })
        {
            var faults = await FaultsOfAsync(lang, "Cohort", "<table><tr><th scope=\"row\">Distance.Health</th><td>3</td></tr><tr><th scope=\"row\">Distance.Measure</th><td>4</td></tr></table>");

            Assert.Equal(["a resource key shown as text: \"Distance.Health\"", "a resource key shown as text: \"Distance.Measure\" (a key of the resources)"], faults);
        }
    }

    [SkippableFact]
    public async Task Faults_DottedPascalCaseForScreenReaders_Found()
    {
        var faults = await FaultsOfAsync("en", "Fairness", "<p>Counts by group</p><a href=\"#\" aria-label=\"Fairness.By.Postcode\">CSV</a>");

        Assert.Equal("a resource key shown as text: \"Fairness.By.Postcode\"", Assert.Single(faults));
    }

    [SkippableFact]
    public async Task Faults_DotsInAddressesNumbersAndSentences_None()
    {
        var faults = await FaultsOfAsync("en", "Contact", "<p>Write to casemanager@demo.example or Dylan.Hughes@demo.example (see https://example.org/Help.Page). Version 1.5, 2.5 km, e.g. ASP.NET. It ended. Then it began.</p>");

        Assert.Empty(faults);
    }
}
