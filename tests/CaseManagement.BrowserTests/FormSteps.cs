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

    public static async Task FillDateAsync(IPage page, string legend, DateOnly date)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
