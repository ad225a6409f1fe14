using System.Globalization;
using Microsoft.Playwright;

namespace CaseManagement.BrowserTests;

/// <summary>Steps the tests of forms share: the axe-core check, and a GOV.UK date typed into its group.</summary>
internal static class FormSteps
{
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }

    public static Task FillDateAsync(IPage page, string legend, DateOnly date) =>
        FillDateAsync(page.GetByRole(AriaRole.Group, new() { Name = legend }), date);

    /// <summary>Day, month and year in the order GOV.UK draws them, so the same step fills a Welsh page.</summary>
    public static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        var inputs = group.Locator("input.govuk-date-input__input");
        await inputs.Nth(0).FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await inputs.Nth(1).FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await inputs.Nth(2).FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
