namespace CaseManagement.IntegrationTests.Infrastructure;

/// <summary>
/// What a list page says for a value of its address it does not know (decisions 0114 and 0118): a page, not a failure,
/// titled "Error:", its summary leading to the field that chooses the value, the field marked.
/// </summary>
public static class RefusedPages
{
    /// <summary>Opens the address and checks it answers a page that says <paramref name="message"/> at its select <paramref name="field"/>; the page, decoded.</summary>
    public static async Task<string> SaidAtTheFieldAsync(HttpClient client, string address, string field, string message)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(address);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("<title>Error: ", page, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", page, StringComparison.Ordinal);
        Assert.Contains($"<select class=\"govuk-select govuk-select--error\" id=\"{field}\" name=\"{field}\"", page, StringComparison.Ordinal);
        return page;
    }
}

/// <summary>Pages read in Welsh.</summary>
public static class Welsh
{
    /// <summary>The page at <paramref name="address"/> as a Welsh reader gets it (decoded); the client is left in English.</summary>
    public static async Task<string> PageAsync(HttpClient client, string address)
    {
        ArgumentNullException.ThrowIfNull(client);
        await client.GetAsync("/language/cy-GB?returnUrl=%2F");
        try
        {
            return WebUtility.HtmlDecode(await client.GetStringAsync(address));
        }
        finally
        {
            await client.GetAsync("/language/en-GB?returnUrl=%2F");
        }
    }
}
