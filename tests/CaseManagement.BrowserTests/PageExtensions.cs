using Microsoft.Playwright;

namespace CaseManagement.BrowserTests;

/// <summary>
/// Going to a page and waiting for it as a person does: for the page itself, never for the browser's "load" or
/// network-idle events (Playwright's GotoAsync, ReloadAsync and GoBackAsync wait for "load" unless told otherwise).
/// Every page opened this way is then checked for the classes of fault in <see cref="PageChecks"/>.
/// </summary>
public static class PageExtensions
{
    /// <summary>Opens an address and waits until the page is there and its components work.</summary>
    public static async Task OpenAsync(this IPage page, string url)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForReadyAsync();
        await PageChecks.AssertNoFaultsAsync(page);
    }

    public static async Task ReloadPageAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForReadyAsync();
        await PageChecks.AssertNoFaultsAsync(page);
    }

    public static async Task GoBackPageAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForReadyAsync();
        await PageChecks.AssertNoFaultsAsync(page);
    }

    /// <summary>
    /// The current document is parsed and the site's script has started its components (site.js marks the body last).
    /// Call it once the new page's address or content has been seen, so that it is the new document that is waited on.
    /// </summary>
    public static Task WaitForReadyAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("body[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
